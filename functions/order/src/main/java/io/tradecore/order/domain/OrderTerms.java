package io.tradecore.order.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;

/**
 * What an order asks for, checked as a whole: each type takes exactly the prices it needs (limit: limitPrice;
 * stop: stopPrice; stop_limit: both; trailing_stop: one of trailAmount or trailPercent; market: none), and
 * immediate time in force (ioc, fok) only for market and limit orders.
 */
public record OrderTerms(OrderType type, Quantity quantity, Price limitPrice, Price stopPrice, Price trailAmount,
                         Percent trailPercent, TimeInForce timeInForce) {

    public OrderTerms {
        Texts.present(type, "type");
        Texts.present(quantity, "quantity");
        Texts.present(timeInForce, "timeInForce");
        boolean limited = type == OrderType.LIMIT || type == OrderType.STOP_LIMIT;
        boolean stopped = type == OrderType.STOP || type == OrderType.STOP_LIMIT;
        boolean trailing = type == OrderType.TRAILING_STOP;
        requireExactly(limited, limitPrice, "limitPrice", type);
        requireExactly(stopped, stopPrice, "stopPrice", type);
        if (trailing && (trailAmount == null) == (trailPercent == null)) {
            throw Rejection.invalid("trailAmount", "a trailing_stop order needs exactly one of trailAmount or trailPercent");
        }
        if (!trailing) {
            requireExactly(false, trailAmount, "trailAmount", type);
            requireExactly(false, trailPercent, "trailPercent", type);
        }
        if (timeInForce.isImmediate() && !type.allowsImmediateTimeInForce()) {
            throw Rejection.invalid("timeInForce", timeInForce + " is only for market and limit orders");
        }
    }

    private static void requireExactly(boolean needed, Object value, String field, OrderType type) {
        if (needed && value == null) {
            throw Rejection.invalid(field, "a " + type + " order needs a " + field);
        }
        if (!needed && value != null) {
            throw Rejection.invalid(field, "a " + type + " order takes no " + field);
        }
    }

    /**
     * These terms with a replace request's changes: what the request names replaces what was there (a new trail
     * replaces the old one, whether amount or percent); an unnamed quantity becomes {@code remaining}.
     */
    public OrderTerms changedBy(TermChanges changes, Quantity remaining) {
        boolean newTrail = changes.trailAmount() != null || changes.trailPercent() != null;
        return new OrderTerms(type,
                changes.quantity() != null ? changes.quantity() : remaining,
                changes.limitPrice() != null ? changes.limitPrice() : limitPrice,
                changes.stopPrice() != null ? changes.stopPrice() : stopPrice,
                newTrail ? changes.trailAmount() : trailAmount,
                newTrail ? changes.trailPercent() : trailPercent,
                changes.timeInForce() != null ? changes.timeInForce() : timeInForce);
    }
}
