package io.tradecore.automation.domain;

import java.util.Locale;

/** Where an alert stands: {@code active} and {@code paused} are live; {@code triggered} (a {@code once} alert that fired), {@code expired} and {@code deleted} have ended. */
public enum AlertStatus {
    ACTIVE, PAUSED, TRIGGERED, EXPIRED, DELETED;

    public boolean isLive() {
        return this == ACTIVE || this == PAUSED;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
