package io.tradecore.order.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import java.math.BigDecimal;

/**
 * The one canonical form of a decimal: no trailing zeros and never an exponent, so {@code 1.50} and {@code 1.5}
 * are equal values (records compare {@link BigDecimal} by scale too) and JSON never shows {@code 1E+2}.
 */
final class Decimals {

    private Decimals() {
    }

    /** {@code value} in canonical form, refused unless positive with at most {@code maxScale} decimals. */
    static BigDecimal positive(BigDecimal value, String field, int maxScale) {
        BigDecimal canonical = canonical(Texts.present(value, field));
        if (canonical.signum() <= 0) {
            throw Rejection.invalid(field, field + " must be greater than zero");
        }
        if (canonical.scale() > maxScale) {
            throw Rejection.invalid(field, field + " may have at most " + maxScale + " decimals");
        }
        return canonical;
    }

    static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
