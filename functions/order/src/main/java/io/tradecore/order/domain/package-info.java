/**
 * The order aggregate as a pure decider: its commands, events (stored under the names in {@code Orders.EVENTS}),
 * one state record per lifecycle stage, and the self-validating values of an order's terms. No framework here.
 */
package io.tradecore.order.domain;
