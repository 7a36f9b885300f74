package io.tradecore.virtualbroker.domain;

/** How an order's price is set; written {@code market}, {@code limit}, {@code stop}, {@code stop_limit}, {@code trailing_stop}. */
public enum OrderType {
    MARKET, LIMIT, STOP, STOP_LIMIT, TRAILING_STOP;

    public static OrderType of(String text) {
        return Wire.parse(OrderType.class, text, "type");
    }

    /** Waits for a trigger before it may fill. */
    public boolean isStop() {
        return this == STOP || this == STOP_LIMIT || this == TRAILING_STOP;
    }

    /** Once free to fill, fills only at its limit or better. */
    public boolean isLimited() {
        return this == LIMIT || this == STOP_LIMIT;
    }
}
