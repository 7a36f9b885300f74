package io.tradecore.position.readmodel;

import io.tradecore.position.domain.Money;
import io.tradecore.position.domain.PositionSide;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * An open position's numbers as shown: cost basis rounded to cents, and, once the symbol has a last price, its
 * market value (negative for a short) and unrealized P&L, both to cents (HALF_EVEN, as all cash).
 */
record Valuation(BigDecimal quantity, BigDecimal averageEntryPrice, BigDecimal costBasis, BigDecimal lastPrice,
                 BigDecimal marketValue, BigDecimal unrealizedPnl) {

    static Valuation of(String side, BigDecimal quantity, BigDecimal average, BigDecimal cost, BigDecimal last) {
        BigDecimal costBasis = new Money(cost).value();
        if (last == null) {
            return new Valuation(quantity, average, costBasis, null, null, null);
        }
        PositionSide facing = PositionSide.valueOf(side.toUpperCase(Locale.ROOT));
        BigDecimal value = quantity.multiply(last);
        return new Valuation(quantity, average, costBasis, last,
                new Money(facing == PositionSide.LONG ? value : value.negate()).value(),
                new Money(facing.pnl(average, last, quantity)).value());
    }
}
