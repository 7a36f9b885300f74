package io.tradecore.order.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A cash amount that cannot be negative (a commission), held to cents with banker's rounding. */
public record Money(BigDecimal value) implements SingleValue {

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        value = Texts.present(value, "commission").setScale(2, RoundingMode.HALF_EVEN);
        if (value.signum() < 0) {
            throw Rejection.invalid("commission", "commission cannot be negative");
        }
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
