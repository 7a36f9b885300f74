package io.tradecore.contracts.broker;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order as the broker reports it.
 *
 * @param status {@code new}, {@code accepted}, {@code partially_filled}, {@code filled}, {@code canceled},
 *               {@code expired}, {@code rejected} or {@code replaced}
 */
public record BrokerOrder(String brokerOrderId, String clientOrderId, String symbol, String side, BigDecimal quantity,
                          String type, BigDecimal limitPrice, BigDecimal stopPrice, String timeInForce, String status,
                          BigDecimal filledQuantity, BigDecimal averageFillPrice, Instant submittedAt,
                          Instant updatedAt) {
}
