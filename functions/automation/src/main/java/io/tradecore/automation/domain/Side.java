package io.tradecore.automation.domain;

import java.util.Locale;

/** Which way an alert's order trades: {@code buy} / {@code sell}. */
public enum Side {
    BUY, SELL;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
