package io.tradecore.position.domain;

import io.tradecore.kernel.domain.Rejection;
import java.util.Locale;

/** The side of a fill. Written as {@code buy} / {@code sell} (the contract's spelling). */
public enum Side {
    BUY, SELL;

    public static Side of(String text) {
        return switch (text == null ? "" : text) {
            case "buy" -> BUY;
            case "sell" -> SELL;
            default -> throw Rejection.invalid("side", "side must be buy or sell");
        };
    }

    /** The side of the position a fill of this side opens from flat. */
    PositionSide opens() {
        return this == BUY ? PositionSide.LONG : PositionSide.SHORT;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
