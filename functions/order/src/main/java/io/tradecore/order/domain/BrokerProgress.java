package io.tradecore.order.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * How far a broker order has come, in the broker's words: its status (lower case), the quantity filled (0 or
 * more), the average fill price (none before a fill) and when the broker last changed it (may be unknown).
 */
public record BrokerProgress(String status, BigDecimal filledQuantity, Price averageFillPrice, Instant updatedAt) {
    public BrokerProgress {
        status = Texts.required(status, "status").strip().toLowerCase(Locale.ROOT);
        filledQuantity = Decimals.canonical(filledQuantity == null ? BigDecimal.ZERO : filledQuantity);
        if (filledQuantity.signum() < 0) {
            throw Rejection.invalid("filledQuantity", "filledQuantity must be 0 or more");
        }
    }

    /** The same progress: status, filled quantity and average price (not the time, which brokers may touch). */
    boolean sameAs(BrokerProgress other) {
        return status.equals(other.status) && filledQuantity.compareTo(other.filledQuantity) == 0
                && Objects.equals(averageFillPrice, other.averageFillPrice);
    }

    /** Reported before {@code other} by the broker's own clock: a late, out-of-date report. */
    boolean olderThan(BrokerProgress other) {
        return updatedAt != null && other.updatedAt != null && updatedAt.isBefore(other.updatedAt);
    }
}
