package io.tradecore.brokerconnection.api;

import java.time.Instant;
import java.util.List;

/**
 * A connection as its owner sees it. {@code status}: {@code pending}, {@code active}, {@code failed},
 * {@code disconnected}; {@code stage}: where the saga is; on failure the step, its stable code and the reason.
 */
public record ConnectionView(String connectionId, String userId, String broker, String status, String stage,
                             String failedStep, String failureCode, String failureReason, List<String> accounts,
                             Instant requestedAt, Instant updatedAt, long version) {
}
