package io.tradecore.position.domain;

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

    public Quantity plus(Quantity other) {
        return new Quantity(value.add(other.value));
    }

    /** What is left after taking {@code other} away; only called with a smaller {@code other}. */
    public Quantity minus(Quantity other) {
        return new Quantity(value.subtract(other.value));
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
