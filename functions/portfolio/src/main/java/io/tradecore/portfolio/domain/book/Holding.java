package io.tradecore.portfolio.domain.book;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What an account holds of one symbol, netted from its settled fills: {@code quantity} is signed (negative for a
 * short), {@code averageEntry} follows position's rules (TRADING.md: a reduction keeps it, a flip through zero
 * starts at the fill price), {@code lastFillPrice} values the holding until the symbol has ticked.
 */
public record Holding(String symbol, BigDecimal quantity, BigDecimal averageEntry, BigDecimal lastFillPrice) {

    static final int PRICE_SCALE = 6;

    public static Holding none(String symbol) {
        return new Holding(symbol, BigDecimal.ZERO, BigDecimal.ZERO, null);
    }

    /** After a fill of {@code quantity} (positive) at {@code price}; {@code buy} adds, a sell takes away. */
    public Holding after(boolean buy, BigDecimal filled, BigDecimal price) {
        BigDecimal delta = buy ? filled : filled.negate();
        BigDecimal next = quantity.add(delta);
        BigDecimal average;
        if (quantity.signum() == 0 || quantity.signum() == delta.signum()) {
            average = quantity.abs().multiply(averageEntry).add(filled.multiply(price))
                    .divide(next.abs(), PRICE_SCALE, RoundingMode.HALF_EVEN);
        } else if (next.signum() == 0) {
            average = BigDecimal.ZERO;
        } else if (next.signum() == quantity.signum()) {
            average = averageEntry;
        } else {
            average = price.setScale(PRICE_SCALE, RoundingMode.HALF_EVEN);
        }
        return new Holding(symbol, next, average, price);
    }

    /** Signed market value: quantity × the last price, or the last fill price before any tick. */
    public BigDecimal marketValue(BigDecimal lastPrice) {
        BigDecimal price = lastPrice != null ? lastPrice : lastFillPrice;
        return price == null ? BigDecimal.ZERO : quantity.multiply(price);
    }
}
