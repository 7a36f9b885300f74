package io.tradecore.order.domain;

import java.util.Locale;

/** Which way an order trades. Written as {@code buy} / {@code sell} (its {@code toString}). */
public enum Side {
    BUY, SELL;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
