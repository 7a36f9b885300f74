/**
 * How automation reads other domains' events: its own records for the virtual broker's price ticks
 * ({@link io.tradecore.kernel.eventstore.ForeignEvents} views), never the publisher's classes.
 */
package io.tradecore.automation.foreign;
