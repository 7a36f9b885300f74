package io.tradecore.brokeraccount.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What one working order holds back: {@code cash} (a buy, or the short part of a sell) and {@code quantity} (held
 * shares a sell will deliver), for the {@code openQuantity} not yet filled.
 */
public record Reservation(Side side, Symbol symbol, BigDecimal openQuantity, Money cash, BigDecimal quantity) {

    /** What a fill of {@code filled} uses up of a reservation. */
    public record Usage(Money cash, BigDecimal quantity) {
        public static final Usage NONE = new Usage(Money.ZERO, BigDecimal.ZERO);
    }

    /**
     * A sell delivers held shares first, then goes short; cash shrinks in proportion to the part it covers that
     * filled, and all of it goes once that part is filled.
     */
    public Usage usageFor(BigDecimal filled) {
        BigDecimal shares = side == Side.sell ? quantity.min(filled) : BigDecimal.ZERO;
        BigDecimal covered = filled.subtract(shares);
        BigDecimal coveredOpen = openQuantity.subtract(quantity);
        Money cashUsed;
        if (covered.signum() <= 0 || cash.isZero()) {
            cashUsed = Money.ZERO;
        } else if (covered.compareTo(coveredOpen) >= 0) {
            cashUsed = cash;
        } else {
            BigDecimal share = cash.value().multiply(covered).divide(coveredOpen, 2, RoundingMode.HALF_EVEN);
            cashUsed = new Money(share).min(cash);
        }
        return new Usage(cashUsed, shares);
    }

    public Reservation after(BigDecimal filled, Usage used) {
        return new Reservation(side, symbol, openQuantity.subtract(filled), cash.minus(used.cash()),
                quantity.subtract(used.quantity()));
    }

    /** Nothing left to fill and nothing left held back. */
    public boolean spent() {
        return openQuantity.signum() <= 0 && cash.isZero() && quantity.signum() == 0;
    }
}
