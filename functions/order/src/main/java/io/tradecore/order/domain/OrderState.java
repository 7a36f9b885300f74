package io.tradecore.order.domain;

import java.time.Instant;

/**
 * One record per lifecycle stage: before placement, working (and so still changeable), finished (nothing changes it
 * any more), and imported (placed at a connected broker outside TradeCore: it only mirrors the broker's state). Plain
 * records without polymorphic fields, so snapshots read back as written.
 */
public sealed interface OrderState {

    /** What the order was placed as; null before placement. */
    default OrderTicket placed() {
        return switch (this) {
            case NoOrder none -> null;
            case Working working -> working.ticket();
            case Finished finished -> finished.ticket();
            case Imported imported -> null;
        };
    }

    /** Whose order it is; null before it exists. */
    default UserId owner() {
        return switch (this) {
            case NoOrder none -> null;
            case Working working -> working.ticket().userId();
            case Finished finished -> finished.ticket().userId();
            case Imported imported -> imported.userId();
        };
    }

    /** The order a replace request named to replace this one; null when none was asked. */
    default OrderId replacedBy() {
        Replacement replacement = switch (this) {
            case NoOrder none -> null;
            case Working working -> working.replace();
            case Finished finished -> finished.replacement();
            case Imported imported -> null;
        };
        return replacement == null ? null : replacement.newOrderId();
    }

    record NoOrder() implements OrderState {
    }

    /**
     * A placed order the broker may still fill. {@code status} is new, accepted, partially_filled or, while a
     * request is out, pending_cancel / pending_replace; {@code replace} is the pending replace request, if any.
     */
    record Working(OrderTicket ticket, OrderStatus status, Execution execution, Replacement replace,
                   Instant acceptedAt) implements OrderState {

        Working withStatus(OrderStatus changed) {
            return new Working(ticket, changed, execution, replace, acceptedAt);
        }

        Working accepted(Instant at) {
            return new Working(ticket, status == OrderStatus.NEW ? OrderStatus.ACCEPTED : status, execution, replace, at);
        }

        Working replacing(Replacement replacement) {
            return new Working(ticket, OrderStatus.PENDING_REPLACE, execution, replacement, acceptedAt);
        }

        Working filled(Execution after) {
            return new Working(ticket, status.isPending() ? status : OrderStatus.PARTIALLY_FILLED, after, replace,
                    acceptedAt);
        }

        Finished finish(OrderStatus end, Execution after, Instant at) {
            return new Finished(ticket, end, after, end == OrderStatus.REPLACED ? replace : null, acceptedAt, at);
        }

        Quantity remaining() {
            return new Quantity(execution.remainingOf(ticket.terms().quantity()));
        }
    }

    /** filled, canceled, expired, rejected or replaced; {@code replacement} is set for replaced. */
    record Finished(OrderTicket ticket, OrderStatus status, Execution execution, Replacement replacement,
                    Instant acceptedAt, Instant finishedAt) implements OrderState {
    }

    /** The order that replaces this one, with its complete terms. */
    record Replacement(OrderId newOrderId, OrderTerms terms) {
    }

    /**
     * A broker order brought in by a sync. TradeCore never routed it and holds no buying power for it; it changes
     * only as later syncs report, and a client can neither cancel nor replace it here.
     */
    record Imported(OrderId orderId, AccountId accountId, UserId userId, String brokerOrderId, Symbol symbol,
                    Side side, Quantity quantity, BrokerProgress progress) implements OrderState {

        Imported with(BrokerProgress changed) {
            return new Imported(orderId, accountId, userId, brokerOrderId, symbol, side, quantity, changed);
        }
    }
}
