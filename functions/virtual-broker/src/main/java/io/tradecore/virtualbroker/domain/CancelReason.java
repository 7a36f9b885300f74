package io.tradecore.virtualbroker.domain;

/** Why the broker canceled an order; written {@code requested}, {@code ioc}, {@code fok}. */
public enum CancelReason {
    REQUESTED, IOC, FOK
}
