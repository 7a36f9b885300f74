/**
 * The automation bounded context: price alerts. A user sets alerts on a symbol (crossing, crossing up or down,
 * greater or less than a threshold, a percent move from a reference; once or every time; an optional expiry and an
 * optional order to place when it fires). Each symbol's alerts live in one event-sourced book
 * ({@code alert-book-{SYMBOL}}) that also records the last tick it saw, so the {@code evaluateAlerts} policy
 * evaluates all of a symbol's alerts on a tick in one command against the previous price, ignoring ticks that are
 * not newer than the last recorded one (redeliveries, overtaken ticks). A fired alert is {@code alert.triggered} in
 * the event store, relayed to {@code transport.automation} and republished to {@code alerts.price} by
 * {@code publishPriceAlerts}. Automation never places orders itself: the order domain's {@code placeAlertOrders}
 * policy reads {@code alert.triggered} and places the action's order with its own checks. The {@code alerts} read
 * model shows each user their own alerts; {@code expireAlerts} ends due alerts by the clock.
 */
package io.tradecore.automation;
