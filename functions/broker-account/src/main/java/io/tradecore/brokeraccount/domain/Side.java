package io.tradecore.brokeraccount.domain;

/** The side of an order or fill. The constants are spelled as on the wire ({@code "buy"}, {@code "sell"}). */
public enum Side {
    buy,
    sell
}
