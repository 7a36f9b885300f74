/**
 * The virtual_broker bounded context: the paper-trading engine behind the broker adapter contract. It keeps a price
 * feed per symbol (ticks posted by administrators or the simulated feed), takes the orders broker_account approves
 * for paper accounts, matches them on every tick (market, limit, stop, stop-limit and trailing-stop orders; day, gtc,
 * ioc and fok), expires day orders at the session close, and publishes every step as a {@code virtual-broker.*} event
 * for the order, broker_account and position domains.
 */
package io.tradecore.virtualbroker;
