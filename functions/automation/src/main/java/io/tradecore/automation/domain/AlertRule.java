package io.tradecore.automation.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What an alert watches for on its symbol's prices. Crossings and {@code greater_than} / {@code less_than} take a
 * {@code threshold}; {@code percent_move} takes a {@code percent}, a {@code direction} ({@code either} when absent)
 * and the {@code referencePrice} it moves from. Fields a condition does not use are refused, not ignored.
 *
 * <p>A crossing up is {@code previous < threshold <= price}, a crossing down {@code previous > threshold >= price}:
 * touching the level counts, leaving it from exactly the level does not, so one move through the level is one
 * crossing. {@code greater_than} holds above the threshold, {@code less_than} below it; a percent move holds at or
 * beyond {@code reference × (1 ± percent / 100)}.
 */
public record AlertRule(Condition condition, Price threshold, Percent percent, Direction direction,
                        Price referencePrice) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public AlertRule {
        Texts.present(condition, "condition");
        if (condition == Condition.PERCENT_MOVE) {
            Texts.present(percent, "percent");
            Texts.present(referencePrice, "referencePrice");
            direction = direction == null ? Direction.EITHER : direction;
            unused(threshold, "threshold", condition);
            if (direction != Direction.UP && percent.value().compareTo(HUNDRED) >= 0) {
                throw Rejection.invalid("percent", "a fall must be below 100 percent");
            }
        } else {
            if (threshold == null) {
                throw Rejection.invalid("threshold", condition + " needs a threshold");
            }
            unused(percent, "percent", condition);
            unused(direction, "direction", condition);
            unused(referencePrice, "referencePrice", condition);
        }
    }

    private static void unused(Object value, String field, Condition condition) {
        if (value != null) {
            throw Rejection.invalid(field, condition + " takes no " + field);
        }
    }

    /** The level a percent move up reaches. */
    public Price upLevel() {
        return Price.rounded(referencePrice.value().multiply(BigDecimal.ONE.add(fraction())));
    }

    /** The level a percent move down reaches. */
    public Price downLevel() {
        return Price.rounded(referencePrice.value().multiply(BigDecimal.ONE.subtract(fraction())));
    }

    private BigDecimal fraction() {
        return percent.value().divide(HUNDRED, MathContext.DECIMAL64);
    }

    /**
     * The level this price reached, when the rule fires on the move from {@code previous} (null before any price)
     * to {@code price}; null when it does not. For levels the previous price does not matter: see {@link #holds}.
     */
    public Price crossedBy(Price previous, Price price) {
        if (previous == null) {
            return null;
        }
        boolean up = previous.compareTo(threshold) < 0 && price.compareTo(threshold) >= 0;
        boolean down = previous.compareTo(threshold) > 0 && price.compareTo(threshold) <= 0;
        return switch (condition) {
            case CROSSING -> up || down ? threshold : null;
            case CROSSING_UP -> up ? threshold : null;
            case CROSSING_DOWN -> down ? threshold : null;
            case GREATER_THAN, LESS_THAN, PERCENT_MOVE -> null;
        };
    }

    /** For a level condition: the level that holds at {@code price}, or null when the condition is false there. */
    public Price holds(Price price) {
        return switch (condition) {
            case GREATER_THAN -> price.compareTo(threshold) > 0 ? threshold : null;
            case LESS_THAN -> price.compareTo(threshold) < 0 ? threshold : null;
            case PERCENT_MOVE -> {
                if (direction != Direction.DOWN && price.compareTo(upLevel()) >= 0) {
                    yield upLevel();
                }
                yield direction != Direction.UP && price.compareTo(downLevel()) <= 0 ? downLevel() : null;
            }
            case CROSSING, CROSSING_UP, CROSSING_DOWN -> null;
        };
    }
}
