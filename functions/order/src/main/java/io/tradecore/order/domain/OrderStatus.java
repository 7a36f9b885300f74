package io.tradecore.order.domain;

import java.util.Locale;

/** Where an order stands, as the read model and clients show it ({@code new}, {@code partially_filled}, …). */
public enum OrderStatus {
    NEW, ACCEPTED, PARTIALLY_FILLED, PENDING_CANCEL, PENDING_REPLACE,
    FILLED, CANCELED, EXPIRED, REJECTED, REPLACED;

    /** Whether the order is still working and a client may still cancel or replace it. */
    public boolean isOpen() {
        return this == NEW || this == ACCEPTED || this == PARTIALLY_FILLED;
    }

    public boolean isPending() {
        return this == PENDING_CANCEL || this == PENDING_REPLACE;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
