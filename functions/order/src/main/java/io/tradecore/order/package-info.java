/**
 * The order bounded context: placement with synchronous checks (terms per order type, a known symbol, the
 * caller's own open account, a client order id unique per account), cancel and replace requests, and the order
 * lifecycle from new to filled as the account's approval and the broker's reports arrive, as an event-sourced
 * aggregate per order ({@code order-{orderId}}); orders of connected brokers that a history sync brought in, mirrored
 * as imported orders (never routed, no buying power held, not cancelable here); the {@code orders} and {@code order_fills} read models. How it
 * talks to broker_account and virtual_broker: functions/TRADING.md.
 */
package io.tradecore.order;
