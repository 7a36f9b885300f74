package io.tradecore.automation.domain;

import java.util.Locale;

/** How long an alert's order works: {@code day}, {@code gtc}, {@code ioc}, {@code fok}. */
public enum TimeInForce {
    DAY, GTC, IOC, FOK;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
