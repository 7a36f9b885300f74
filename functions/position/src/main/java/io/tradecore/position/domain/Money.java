package io.tradecore.position.domain;

import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount of cash, possibly negative (a loss), rounded to cents with banker's rounding (HALF_EVEN). */
public record Money(BigDecimal value) implements SingleValue {

    public static final int SCALE = 2;
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        value = Texts.present(value, "amount").setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    public static Money of(String text) {
        return new Money(new BigDecimal(text));
    }

    public Money plus(Money other) {
        return new Money(value.add(other.value));
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
