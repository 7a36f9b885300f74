package io.tradecore.order.domain;

import io.tradecore.kernel.domain.SingleValue;
import java.math.BigDecimal;

/** A number of shares (or units): greater than zero, at most 6 decimals, in canonical form. */
public record Quantity(BigDecimal value) implements SingleValue {

    public Quantity {
        value = Decimals.positive(value, "quantity", 6);
    }

    public static Quantity of(String text) {
        return new Quantity(new BigDecimal(text));
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
