package io.tradecore.automation.domain;

import java.util.Locale;

/** The order types an alert's action may place: {@code market} or {@code limit}. */
public enum OrderType {
    MARKET, LIMIT;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
