package io.tradecore.position.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.math.BigDecimal;

/** A positive price per unit, up to 4 decimals; held at scale 4. */
public record Price(BigDecimal value) implements SingleValue {

    public static final int SCALE = 4;

    public Price {
        Texts.present(value, "price");
        if (value.signum() <= 0) {
            throw Rejection.invalid("price", "price must be positive");
        }
        if (value.stripTrailingZeros().scale() > SCALE) {
            throw Rejection.invalid("price", "price may have at most 4 decimals");
        }
        value = value.setScale(SCALE);
    }

    public static Price of(String text) {
        return new Price(new BigDecimal(text));
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
