/**
 * How portfolio reads other domains' events: its own records for broker_account's cash, transfers and settled
 * fills, position's realized results and the virtual broker's price ticks
 * ({@link io.tradecore.kernel.eventstore.ForeignEvents} views), never the publishers' classes.
 */
package io.tradecore.portfolio.foreign;
