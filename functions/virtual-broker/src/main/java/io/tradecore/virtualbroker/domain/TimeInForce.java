package io.tradecore.virtualbroker.domain;

/** How long an order works; written {@code day}, {@code gtc}, {@code ioc}, {@code fok}. */
public enum TimeInForce {
    DAY, GTC, IOC, FOK;

    public static TimeInForce of(String text) {
        return Wire.parse(TimeInForce.class, text, "timeInForce");
    }
}
