/**
 * The accounts read model ({@code accounts}, {@code account_holdings}, {@code account_prices},
 * {@code account_activities}): its projector, fed by account events and the virtual broker's price ticks, and its
 * SQL queries.
 */
package io.tradecore.brokeraccount.readmodel;
