package io.tradecore.order.domain;

import java.util.Locale;

/** How an order is priced. Written as {@code market}, {@code limit}, {@code stop}, {@code stop_limit}, {@code trailing_stop}. */
public enum OrderType {
    MARKET, LIMIT, STOP, STOP_LIMIT, TRAILING_STOP;

    /** Whether an immediate-or-cancel or fill-or-kill order of this type makes sense (it must be executable now). */
    boolean allowsImmediateTimeInForce() {
        return this == MARKET || this == LIMIT;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
