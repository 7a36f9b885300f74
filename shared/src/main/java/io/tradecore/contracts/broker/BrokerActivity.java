package io.tradecore.contracts.broker;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of an account's activity at the broker.
 *
 * @param kind       {@code fill}, {@code deposit}, {@code withdrawal} or {@code fee}
 * @param activityId the broker's id for it: stable, so a sync can recognise what it has seen
 * @param amount     the cash change (negative for money leaving the account)
 */
public record BrokerActivity(String activityId, String kind, String brokerOrderId, String symbol, String side,
                             BigDecimal quantity, BigDecimal price, BigDecimal amount, Instant at) {
}
