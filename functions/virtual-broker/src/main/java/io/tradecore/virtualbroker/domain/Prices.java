package io.tradecore.virtualbroker.domain;

import io.tradecore.kernel.domain.Rejection;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The scales of TRADING.md: prices to 4 decimals, quantities to 6, cash to 2, rounded half-even. */
public final class Prices {

    public static final int PRICE_SCALE = 4;
    public static final int QUANTITY_SCALE = 6;
    public static final int CASH_SCALE = 2;

    private Prices() {
    }

    public static BigDecimal price(BigDecimal value) {
        return value.setScale(PRICE_SCALE, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal cash(BigDecimal value) {
        return value.setScale(CASH_SCALE, RoundingMode.HALF_EVEN);
    }

    /** A positive amount with at most {@code scale} decimals, or a refusal naming {@code field}. */
    public static BigDecimal positive(BigDecimal value, String field, int scale) {
        if (value == null || value.signum() <= 0) {
            throw Rejection.invalid(field, field + " must be greater than 0");
        }
        if (value.stripTrailingZeros().scale() > scale) {
            throw Rejection.invalid(field, field + " has more than " + scale + " decimals");
        }
        return value;
    }

    public static BigDecimal optionalPositive(BigDecimal value, String field, int scale) {
        return value == null ? null : positive(value, field, scale);
    }
}
