package io.tradecore.automation.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.math.BigDecimal;

/** A percent move: above 0 and at most 1000, up to 4 decimals (a fall can be at most below 100: checked by the rule). */
public record Percent(BigDecimal value) implements SingleValue {

    private static final BigDecimal MAX = BigDecimal.valueOf(1000);

    public Percent {
        Texts.present(value, "percent");
        if (value.signum() <= 0) {
            throw Rejection.invalid("percent", "percent must be greater than zero");
        }
        if (value.compareTo(MAX) > 0) {
            throw Rejection.invalid("percent", "percent must be at most 1000");
        }
        if (value.stripTrailingZeros().scale() > 4) {
            throw Rejection.invalid("percent", "percent may have at most 4 decimals");
        }
        value = value.setScale(4);
    }

    public static Percent of(String text) {
        return new Percent(new BigDecimal(text));
    }

    @Override
    public String toString() {
        return value.stripTrailingZeros().toPlainString();
    }
}
