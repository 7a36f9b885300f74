package io.tradecore.position.domain;

import java.math.BigDecimal;
import java.util.Locale;

/** Which way a position faces. Written as {@code long} / {@code short} (the contract's spelling). */
public enum PositionSide {
    LONG, SHORT;

    /** Whether a fill of {@code side} adds to a position facing this way. */
    boolean growsWith(Side side) {
        return side.opens() == this;
    }

    /**
     * The profit of moving {@code quantity} from {@code entry} to {@code exit}: {@code (exit - entry) * quantity}
     * for a long, {@code (entry - exit) * quantity} for a short. Unrounded; callers round to cash.
     */
    public BigDecimal pnl(BigDecimal entry, BigDecimal exit, BigDecimal quantity) {
        BigDecimal perUnit = this == LONG ? exit.subtract(entry) : entry.subtract(exit);
        return perUnit.multiply(quantity);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
