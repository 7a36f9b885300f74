package io.tradecore.automation.domain;

import java.util.Locale;

/** What an alert watches for. Written in lower case ({@code crossing_up}, {@code percent_move}); crossings are edges (they need the previous price), the others are levels (true or false at one price). */
public enum Condition {
    CROSSING, CROSSING_UP, CROSSING_DOWN, GREATER_THAN, LESS_THAN, PERCENT_MOVE;

    /** Crossings fire on an edge between the previous price and this one; the rest on a level at this price. */
    public boolean isCrossing() {
        return this == CROSSING || this == CROSSING_UP || this == CROSSING_DOWN;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
