package io.tradecore.order.domain;

import io.tradecore.kernel.domain.Rejection;

/** What a replace request changes; a null field keeps the order's current term. At least one must be named. */
public record TermChanges(Quantity quantity, Price limitPrice, Price stopPrice, Price trailAmount, Percent trailPercent,
                          TimeInForce timeInForce) {

    public TermChanges {
        if (quantity == null && limitPrice == null && stopPrice == null && trailAmount == null && trailPercent == null
                && timeInForce == null) {
            throw Rejection.invalid("body", "name at least one term to change: quantity, limitPrice, stopPrice, "
                    + "trailAmount, trailPercent or timeInForce");
        }
        if (trailAmount != null && trailPercent != null) {
            throw Rejection.invalid("trailAmount", "name one of trailAmount or trailPercent, not both");
        }
    }
}
