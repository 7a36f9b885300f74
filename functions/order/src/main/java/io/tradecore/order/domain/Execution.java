package io.tradecore.order.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;

/**
 * The fills an order has had: the quantity filled, its notional (sum of quantity × price, exact) and the ids
 * seen, so the same fill reported twice counts once. The average fill price is derived from the exact notional,
 * so rounding never accumulates across fills.
 */
public record Execution(BigDecimal filledQuantity, BigDecimal notional, Set<FillId> fillIds) {

    public static final Execution NONE = new Execution(BigDecimal.ZERO, BigDecimal.ZERO, Set.of());

    public Execution {
        fillIds = Set.copyOf(fillIds);
    }

    public boolean hasSeen(FillId fillId) {
        return fillIds.contains(fillId);
    }

    public Execution with(FillId fillId, Quantity quantity, Price price) {
        Set<FillId> seen = new HashSet<>(fillIds);
        seen.add(fillId);
        return new Execution(filledQuantity.add(quantity.value()),
                notional.add(quantity.value().multiply(price.value())), seen);
    }

    /** The volume-weighted average price, to 4 decimals (half even); null before the first fill. */
    public Price averageFillPrice() {
        return filledQuantity.signum() == 0 ? null
                : new Price(notional.divide(filledQuantity, 4, RoundingMode.HALF_EVEN));
    }

    /** What is left to fill of {@code ordered}; zero or less once complete. */
    public BigDecimal remainingOf(Quantity ordered) {
        return ordered.value().subtract(filledQuantity);
    }
}
