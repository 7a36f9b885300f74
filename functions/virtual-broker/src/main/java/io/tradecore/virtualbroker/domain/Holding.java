package io.tradecore.virtualbroker.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A net position built from fills: negative quantity for a short. Adding to it averages the entry price, reducing
 * keeps it, and a fill through zero opens the other side at the fill's price.
 */
public record Holding(BigDecimal quantity, BigDecimal averageEntryPrice) {

    public static final Holding NONE = new Holding(BigDecimal.ZERO, null);

    public Holding after(Side side, BigDecimal fillQuantity, BigDecimal price) {
        BigDecimal signed = side == Side.BUY ? fillQuantity : fillQuantity.negate();
        BigDecimal next = quantity.add(signed);
        if (next.signum() == 0) {
            return NONE;
        }
        if (quantity.signum() == 0 || quantity.signum() == signed.signum()) {
            BigDecimal cost = quantity.abs().multiply(averageEntryPrice == null ? BigDecimal.ZERO : averageEntryPrice)
                    .add(fillQuantity.multiply(price));
            return new Holding(next, cost.divide(next.abs(), Prices.PRICE_SCALE, RoundingMode.HALF_EVEN));
        }
        return next.signum() == quantity.signum() ? new Holding(next, averageEntryPrice) : new Holding(next, price);
    }
}
