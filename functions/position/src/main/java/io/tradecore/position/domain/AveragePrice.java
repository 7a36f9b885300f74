package io.tradecore.position.domain;

import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A position's average entry price. Held at 6 decimals (two more than a {@link Price}) so that averaging fills at
 * 4-decimal prices loses less than a cent on any realistic position; rounded HALF_EVEN.
 */
public record AveragePrice(BigDecimal value) implements SingleValue {

    public static final int SCALE = 6;

    public AveragePrice {
        value = Texts.present(value, "averageEntryPrice").setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    public static AveragePrice of(Price price) {
        return new AveragePrice(price.value());
    }

    /** The cost-weighted average after adding {@code added} units at {@code price} to {@code held} units at this. */
    public AveragePrice with(Quantity held, Quantity added, Price price) {
        BigDecimal cost = value.multiply(held.value()).add(price.value().multiply(added.value()));
        return new AveragePrice(cost.divide(held.plus(added).value(), SCALE, RoundingMode.HALF_EVEN));
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
