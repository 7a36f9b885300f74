package io.tradecore.automation.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A positive price per unit, up to 4 decimals; held at scale 4 so equal prices are equal records. */
public record Price(BigDecimal value) implements SingleValue, Comparable<Price> {

    public static final int SCALE = 4;

    public Price {
        Texts.present(value, "price");
        if (value.signum() <= 0) {
            throw Rejection.invalid("price", "a price must be greater than zero");
        }
        if (value.stripTrailingZeros().scale() > SCALE) {
            throw Rejection.invalid("price", "a price may have at most 4 decimals");
        }
        value = value.setScale(SCALE);
    }

    public static Price of(String text) {
        return new Price(new BigDecimal(text));
    }

    /** A computed level (a percent move from a reference), rounded half-even to 4 decimals. */
    static Price rounded(BigDecimal value) {
        return new Price(value.setScale(SCALE, RoundingMode.HALF_EVEN));
    }

    @Override
    public int compareTo(Price other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
