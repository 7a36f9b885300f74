package io.tradecore.order.domain;

import java.util.Locale;

/** How long an order works. Written as {@code day}, {@code gtc}, {@code ioc}, {@code fok}. */
public enum TimeInForce {
    DAY, GTC, IOC, FOK;

    boolean isImmediate() {
        return this == IOC || this == FOK;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
