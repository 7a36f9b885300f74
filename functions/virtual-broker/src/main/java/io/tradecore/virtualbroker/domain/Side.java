package io.tradecore.virtualbroker.domain;

import java.math.BigDecimal;

/** Buying or selling; written {@code buy} / {@code sell}. */
public enum Side {
    BUY, SELL;

    public static Side of(String text) {
        return Wire.parse(Side.class, text, "side");
    }

    /** The better of two prices for a holder of this side's trailing stop: the high for a sell, the low for a buy. */
    BigDecimal best(BigDecimal mark, BigDecimal price) {
        if (mark == null) {
            return price;
        }
        return this == SELL ? mark.max(price) : mark.min(price);
    }
}
