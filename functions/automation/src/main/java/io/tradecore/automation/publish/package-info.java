/**
 * {@code alerts.price}: the architecture's {@code alerts.*} topic for price alerts, fed from
 * {@code transport.automation} by the {@code publishPriceAlerts} function (see
 * {@link io.tradecore.automation.publish.PriceAlertPublisher} for why this is not a dual write).
 */
package io.tradecore.automation.publish;
