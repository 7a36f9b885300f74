/**
 * The synchronous checks of a placement that need other domains: the symbol is a known instrument (its last price
 * becomes the estimate) and the account is the caller's and open, each asked of the owning domain's query
 * function through the QueryBus and read into this package's own records.
 */
package io.tradecore.order.placement;
