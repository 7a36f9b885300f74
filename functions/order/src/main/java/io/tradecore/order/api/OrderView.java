package io.tradecore.order.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order as the {@code orders} read model shows it. Terms and totals are JSON numbers; {@code status} is one of
 * functions/TRADING.md's; {@code version} is the stream version it reflects. An order a sync imported from a
 * connected broker has its {@code brokerOrderId}, shows the broker's status and times, and has no {@code broker}
 * (the account's broker is on the account).
 */
public record OrderView(String orderId, String accountId, String userId, String broker, String clientOrderId,
                        String symbol, String side, BigDecimal quantity, String type, BigDecimal limitPrice,
                        BigDecimal stopPrice, BigDecimal trailAmount, BigDecimal trailPercent, String timeInForce,
                        BigDecimal estimatedPrice, String replacesOrderId, String status, BigDecimal filledQuantity,
                        BigDecimal averageFillPrice, String rejectCode, String reason, Instant placedAt,
                        Instant acceptedAt, Instant filledAt, Instant canceledAt, Instant expiredAt,
                        Instant rejectedAt, Instant replacedAt, String replacedBy, String brokerOrderId, long version) {
}
