package io.tradecore.automation.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One alert as its book holds it. {@code armed} matters for level conditions only: an {@code every_time} level
 * alert that fired is disarmed until its condition is false again. The status is an enum rather than one record per
 * lifecycle state because the book is snapshotted as JSON, which keeps no subtype of a nested sealed type.
 */
public record Alert(AlertId id, UUID userId, AlertRule rule, Frequency frequency, Instant expiresAt,
                    OrderAction action, AlertStatus status, boolean armed) {

    Alert with(AlertStatus newStatus, boolean nowArmed) {
        return new Alert(id, userId, rule, frequency, expiresAt, action, newStatus, nowArmed);
    }

    /** Whether it has reached its expiry at {@code now}. */
    boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
