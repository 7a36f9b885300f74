package io.tradecore.automation.domain;

import java.util.Locale;

/** Which way a {@code percent_move} counts: {@code up}, {@code down} or {@code either}. */
public enum Direction {
    UP, DOWN, EITHER;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
