/**
 * The synchronous checks of an alert's creation that need other domains (the symbol is listed; an order action's
 * account is the caller's), asked of their query functions through the QueryBus and read into this package's own
 * records.
 */
package io.tradecore.automation.creation;
