package io.tradecore.order.domain;

import java.time.Instant;

/**
 * One record per lifecycle stage: before placement, working (and so still changeable), and finished (nothing
 * changes it any more). Plain records without polymorphic fields, so snapshots read back as written.
 */
public sealed interface OrderState {

    /** What the order was placed as; null before placement. */
    default OrderTicket placed() {
        return switch (this) {
            case NoOrder none -> null;
            case Working working -> working.ticket();
            case Finished finished -> finished.ticket();
        };
    }

    /** The order a replace request named to replace this one; null when none was asked. */
    default OrderId replacedBy() {
        Replacement replacement = switch (this) {
            case NoOrder none -> null;
            case Working working -> working.replace();
            case Finished finished -> finished.replacement();
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
}
