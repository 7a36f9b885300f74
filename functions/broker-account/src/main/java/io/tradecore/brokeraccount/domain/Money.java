package io.tradecore.brokeraccount.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.SingleValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of the account's currency in cents: scale 2, rounded half-even (the ledger's rule). Reservations round
 * up instead ({@link #ceil}), so a reservation never falls a cent short of what it stands for.
 */
public record Money(BigDecimal value) implements SingleValue, Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    /** The largest single deposit or withdrawal. */
    static final BigDecimal MAX_TRANSFER = new BigDecimal("10000000.00");

    public Money {
        if (value == null) {
            throw Rejection.invalid("amount", "amount is required");
        }
        value = value.setScale(2, RoundingMode.HALF_EVEN);
    }

    public static Money of(String text) {
        return new Money(new BigDecimal(text));
    }

    public static Money ceil(BigDecimal amount) {
        return new Money(amount.setScale(2, RoundingMode.CEILING));
    }

    /**
     * An amount a person asked to move: more than zero, whole cents, at most {@link #MAX_TRANSFER}. Refused, not
     * rounded: a client that sends 10.005 has a bug worth hearing about.
     */
    public static Money transfer(BigDecimal amount) {
        if (amount == null) {
            throw Rejection.invalid("amount", "amount is required");
        }
        if (amount.signum() <= 0) {
            throw Rejection.invalid("amount", "amount must be more than 0");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw Rejection.invalid("amount", "amount must have at most 2 decimals");
        }
        if (amount.compareTo(MAX_TRANSFER) > 0) {
            throw Rejection.invalid("amount", "amount must be at most " + MAX_TRANSFER.toPlainString());
        }
        return new Money(amount);
    }

    public Money plus(Money other) {
        return new Money(value.add(other.value));
    }

    public Money minus(Money other) {
        return new Money(value.subtract(other.value));
    }

    public Money negate() {
        return new Money(value.negate());
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    @Override
    public int compareTo(Money other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
