package io.tradecore.order.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.SingleValue;
import java.math.BigDecimal;

/** A trailing stop's distance as a percentage of the best price: above 0, below 100, at most 4 decimals. */
public record Percent(BigDecimal value) implements SingleValue {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Percent {
        value = Decimals.positive(value, "trailPercent", 4);
        if (value.compareTo(HUNDRED) >= 0) {
            throw Rejection.invalid("trailPercent", "trailPercent must be below 100");
        }
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
