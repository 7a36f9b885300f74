package io.tradecore.automation.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.math.BigDecimal;

/** A positive number of units, up to 6 decimals; always held at scale 6 so equal amounts are equal records. */
public record Quantity(BigDecimal value) implements SingleValue, Comparable<Quantity> {

    public static final int SCALE = 6;

    public Quantity {
        Texts.present(value, "quantity");
        if (value.signum() <= 0) {
            throw Rejection.invalid("quantity", "quantity must be positive");
        }
        if (value.stripTrailingZeros().scale() > SCALE) {
            throw Rejection.invalid("quantity", "quantity may have at most 6 decimals");
        }
        value = value.setScale(SCALE);
    }

    public static Quantity of(String text) {
        return new Quantity(new BigDecimal(text));
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
