package io.tradecore.order.domain;

import io.tradecore.kernel.domain.Aggregate;
import io.tradecore.kernel.domain.Decider;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.order.domain.OrderCommand.AcceptOrder;
import io.tradecore.order.domain.OrderCommand.ImportOrder;
import io.tradecore.order.domain.OrderCommand.PlaceOrder;
import io.tradecore.order.domain.OrderCommand.RecordCancel;
import io.tradecore.order.domain.OrderCommand.RecordExpiry;
import io.tradecore.order.domain.OrderCommand.RecordFill;
import io.tradecore.order.domain.OrderCommand.RecordReplacement;
import io.tradecore.order.domain.OrderCommand.RejectOrder;
import io.tradecore.order.domain.OrderCommand.RequestCancel;
import io.tradecore.order.domain.OrderCommand.RequestReplace;
import io.tradecore.order.domain.OrderCommand.UpdateImportedOrder;
import io.tradecore.order.domain.OrderEvent.CancelRequested;
import io.tradecore.order.domain.OrderEvent.OrderAccepted;
import io.tradecore.order.domain.OrderEvent.OrderCanceled;
import io.tradecore.order.domain.OrderEvent.OrderExpired;
import io.tradecore.order.domain.OrderEvent.OrderFilled;
import io.tradecore.order.domain.OrderEvent.OrderImportUpdated;
import io.tradecore.order.domain.OrderEvent.OrderImported;
import io.tradecore.order.domain.OrderEvent.OrderPartiallyFilled;
import io.tradecore.order.domain.OrderEvent.OrderPlaced;
import io.tradecore.order.domain.OrderEvent.OrderRejected;
import io.tradecore.order.domain.OrderEvent.OrderReplaced;
import io.tradecore.order.domain.OrderEvent.ReplaceRequested;
import io.tradecore.order.domain.OrderState.Finished;
import io.tradecore.order.domain.OrderState.Imported;
import io.tradecore.order.domain.OrderState.NoOrder;
import io.tradecore.order.domain.OrderState.Working;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The order decider. Owners place, cancel and replace; what the account and the broker report (acceptance,
 * fills, cancels, expiry, replacement) is recorded as it comes. A report about a finished order changes nothing,
 * since the broker has the last word and may report late; a client's request on a finished order is refused.
 * Orders a history sync brings in from a connected broker follow their own rules ({@link OrderImports}).
 */
public final class Orders {

    public static final String DOMAIN = "order";

    public static final EventTypes<OrderEvent> EVENTS = EventTypes.of(DOMAIN, OrderEvent.class)
            .add(OrderPlaced.class, "order.placed", 1)
            .add(OrderAccepted.class, "order.accepted", 1)
            .add(OrderRejected.class, "order.rejected", 1)
            .add(CancelRequested.class, "order.cancel-requested", 1)
            .add(ReplaceRequested.class, "order.replace-requested", 1)
            .add(OrderPartiallyFilled.class, "order.partially-filled", 1)
            .add(OrderFilled.class, "order.filled", 1)
            .add(OrderCanceled.class, "order.canceled", 1)
            .add(OrderExpired.class, "order.expired", 1)
            .add(OrderReplaced.class, "order.replaced", 1)
            .add(OrderImported.class, "order.imported", 1)
            .add(OrderImportUpdated.class, "order.import-updated", 1)
            .build();

    public static final Decider<OrderCommand, OrderState, OrderEvent> DECIDER =
            new Decider<>(Orders::decide, OrderEvolution::evolve, new NoOrder());

    public static final Aggregate<OrderCommand, OrderState, OrderEvent> AGGREGATE =
            Aggregate.of(DECIDER, EVENTS, OrderState.class).snapshotEvery(100, 1);

    private Orders() {
    }

    static List<OrderEvent> decide(OrderCommand command, OrderState state) {
        return switch (command) {
            case PlaceOrder c -> state instanceof NoOrder
                    ? List.of(placed(c))
                    : Rejection.conflict("order-exists", "an order with this id exists").raise();
            case AcceptOrder c -> reported(state, w -> w.acceptedAt() != null ? List.of()
                    : List.of(new OrderAccepted(c.orderId(), w.ticket().accountId(), w.ticket().userId(), c.at())));
            case RejectOrder c -> reported(state, w -> List.of(new OrderRejected(c.orderId(), w.ticket().accountId(),
                    w.ticket().userId(), c.code(), c.reason(), c.at())));
            case RequestCancel c -> {
                Working w = open(state);
                yield List.of(new CancelRequested(c.orderId(), w.ticket().accountId(), w.ticket().userId(), c.at()));
            }
            case RequestReplace c -> List.of(replaceRequested(open(state), c));
            case RecordFill c -> reported(state, w -> Fills.record(w, c));
            case RecordCancel c -> reported(state, w -> List.of(new OrderCanceled(c.orderId(), w.ticket().accountId(),
                    w.ticket().userId(), c.reason(), c.at())));
            case RecordExpiry c -> reported(state, w -> List.of(new OrderExpired(c.orderId(), w.ticket().accountId(),
                    w.ticket().userId(), c.at())));
            case RecordReplacement c -> reported(state, w -> {
                if (w.replace() == null || !w.replace().newOrderId().equals(c.newOrderId())) {
                    throw Rejection.conflict("no-such-replace", "no replace by " + c.newOrderId() + " was asked for");
                }
                return List.of(new OrderReplaced(c.orderId(), w.ticket().accountId(), w.ticket().userId(),
                        c.newOrderId(), c.at()));
            });
            case ImportOrder c -> OrderImports.importOrder(c, state);
            case UpdateImportedOrder c -> OrderImports.update(c, state);
        };
    }

    /**
     * The order that replaces a replaced one: the replace request's terms, the same account, symbol and side, a
     * client order id of its own (its id, so a retried placement claims the same one), and a fresh price estimate.
     */
    public static PlaceOrder replacementOf(Finished replaced, Price estimatedPrice, Instant at) {
        OrderTicket old = replaced.ticket();
        OrderState.Replacement replacement = replaced.replacement();
        if (replaced.status() != OrderStatus.REPLACED || replacement == null) {
            throw new IllegalArgumentException("order " + old.orderId() + " was not replaced");
        }
        return new PlaceOrder(replacement.newOrderId(), old.accountId(), old.userId(), old.broker(),
                new ClientOrderId(replacement.newOrderId().toString()), old.symbol(), old.side(), replacement.terms(),
                estimatedPrice != null ? estimatedPrice : old.estimatedPrice(), old.orderId(), at);
    }

    public static Rejection orderNotFound() {
        return Rejection.notFound("order-not-found", "order not found");
    }

    private static OrderPlaced placed(PlaceOrder c) {
        OrderTerms t = c.terms();
        return new OrderPlaced(c.orderId(), c.accountId(), c.userId(), c.broker(), c.clientOrderId(), c.symbol(),
                c.side(), t.quantity(), t.type(), t.limitPrice(), t.stopPrice(), t.trailAmount(), t.trailPercent(),
                t.timeInForce(), c.replacesOrderId(), c.estimatedPrice(), c.at());
    }

    private static ReplaceRequested replaceRequested(Working w, RequestReplace c) {
        OrderTerms t = w.ticket().terms().changedBy(c.changes(), w.remaining());
        return new ReplaceRequested(c.orderId(), w.ticket().accountId(), w.ticket().userId(), c.newOrderId(),
                t.quantity(), t.limitPrice(), t.stopPrice(), t.trailAmount(), t.trailPercent(), t.timeInForce(), c.at());
    }

    /**
     * What the account or the paper broker reports about a working order; about a finished one, nothing changes, nor
     * about an imported one, whose state only syncs report.
     */
    private static List<OrderEvent> reported(OrderState state, Function<Working, List<OrderEvent>> decision) {
        return switch (state) {
            case NoOrder none -> throw orderNotFound();
            case Finished finished -> List.of();
            case Imported imported -> List.of();
            case Working working -> decision.apply(working);
        };
    }

    /** A client's cancel or replace: only while the order is new, accepted or partially filled. */
    private static Working open(OrderState state) {
        return switch (state) {
            case NoOrder none -> throw orderNotFound();
            case Working w when w.status().isOpen() -> w;
            case Working w -> throw notOpen(w.status());
            case Finished f -> throw notOpen(f.status());
            case Imported imported -> throw OrderImports.notChangeableHere();
        };
    }

    private static Rejection notOpen(OrderStatus status) {
        return Rejection.conflict("order-not-open", "the order is " + status + " and can no longer be changed");
    }
}
