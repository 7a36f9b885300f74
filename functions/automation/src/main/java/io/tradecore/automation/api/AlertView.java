package io.tradecore.automation.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One alert as the {@code alerts} read model shows it; {@code version} is its book's stream version at the last
 * change. {@code action} is the order it places when it fires, as given. Trigger fields are those of the latest
 * {@code alert.triggered}, null before any.
 */
public record AlertView(String alertId, String userId, String symbol, String condition, BigDecimal threshold,
                        BigDecimal percent, String direction, BigDecimal referencePrice, String frequency,
                        String status, Instant expiresAt, Map<String, Object> action, int triggerCount,
                        BigDecimal lastTriggeredPrice, BigDecimal lastTriggeredPreviousPrice,
                        Long lastTriggeredSequence, Instant lastTriggeredAt, Instant createdAt, Instant updatedAt,
                        long version) {
}
