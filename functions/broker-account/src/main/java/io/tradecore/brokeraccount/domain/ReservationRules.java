package io.tradecore.brokeraccount.domain;

import io.tradecore.kernel.domain.Texts;
import java.math.BigDecimal;

/**
 * How much cash an order holds back: its value at the reference price, plus {@code marketBuffer} (0.02 = 2 %) for
 * prices that move before the fill, rounded up to the cent, plus the commission the broker is expected to charge.
 * Configuration, handed to the decider in each command so the decider stays pure.
 */
public record ReservationRules(BigDecimal marketBuffer, Money estimatedCommission) {

    public static final ReservationRules DEFAULT = new ReservationRules(new BigDecimal("0.02"), Money.ZERO);

    public ReservationRules {
        Texts.present(marketBuffer, "marketBuffer");
        Texts.present(estimatedCommission, "estimatedCommission");
        if (marketBuffer.signum() < 0 || estimatedCommission.value().signum() < 0) {
            throw new IllegalArgumentException("marketBuffer and estimatedCommission must not be negative");
        }
    }

    public Money cashFor(BigDecimal quantity, BigDecimal price) {
        BigDecimal value = quantity.multiply(price).multiply(BigDecimal.ONE.add(marketBuffer));
        return Money.ceil(value).plus(estimatedCommission);
    }
}
