package io.tradecore.order.domain;

import io.tradecore.kernel.domain.SingleValue;
import java.math.BigDecimal;

/** A price per unit: greater than zero, at most 4 decimals, in canonical form. */
public record Price(BigDecimal value) implements SingleValue {

    public Price {
        value = Decimals.positive(value, "price", 4);
    }

    public static Price of(String text) {
        return new Price(new BigDecimal(text));
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
