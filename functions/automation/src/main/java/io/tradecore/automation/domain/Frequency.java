package io.tradecore.automation.domain;

import java.util.Locale;

/** {@code once}: the alert ends as triggered when it fires; {@code every_time}: it re-arms (see {@link Alerts}). */
public enum Frequency {
    ONCE, EVERY_TIME;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
