package io.tradecore.virtualbroker.domain;

import io.tradecore.kernel.domain.Aggregate;
import io.tradecore.kernel.domain.Decider;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.virtualbroker.domain.OrderCommand.CancelOrder;
import io.tradecore.virtualbroker.domain.OrderCommand.ExpireOrder;
import io.tradecore.virtualbroker.domain.OrderCommand.MatchTick;
import io.tradecore.virtualbroker.domain.OrderCommand.ReceiveOrder;
import io.tradecore.virtualbroker.domain.OrderCommand.RejectOrder;
import io.tradecore.virtualbroker.domain.OrderCommand.ReplaceOrder;
import io.tradecore.virtualbroker.domain.OrderEvent.CancelNoted;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderCanceled;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderExpired;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderFilled;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderReceived;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderRejected;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderReplaced;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderTriggered;
import io.tradecore.virtualbroker.domain.OrderEvent.StopAdjusted;
import io.tradecore.virtualbroker.domain.OrderState.Closed;
import io.tradecore.virtualbroker.domain.OrderState.Noted;
import io.tradecore.virtualbroker.domain.OrderState.Unreceived;
import io.tradecore.virtualbroker.domain.OrderState.Working;
import java.util.List;

/**
 * The order at the broker as a decider. Every command is safe to repeat: a receipt, cancel or replace of an order
 * that has moved on, and a tick the order has already seen, change nothing. A cancel that overtakes the order leaves
 * a tombstone, so cancel and receipt have one outcome in either order.
 */
public final class BrokerOrders {

    public static final String DOMAIN = "virtual_broker";

    public static final EventTypes<OrderEvent> EVENTS = EventTypes.of(DOMAIN, OrderEvent.class)
            .add(OrderReceived.class, "virtual-broker.order-received", 1)
            .add(OrderTriggered.class, "virtual-broker.order-triggered", 1)
            .add(StopAdjusted.class, "virtual-broker.stop-adjusted", 1)
            .add(OrderFilled.class, "virtual-broker.order-filled", 1)
            .add(OrderCanceled.class, "virtual-broker.order-canceled", 1)
            .add(OrderExpired.class, "virtual-broker.order-expired", 1)
            .add(OrderRejected.class, "virtual-broker.order-rejected", 1)
            .add(OrderReplaced.class, "virtual-broker.order-replaced", 1)
            .add(CancelNoted.class, "virtual-broker.cancel-noted", 1)
            .build();

    private BrokerOrders() {
    }

    public static Decider<OrderCommand, OrderState, OrderEvent> decider(MatchingRules rules) {
        return new Decider<>((command, state) -> decide(command, state, rules), BrokerOrders::evolve, new Unreceived());
    }

    public static Aggregate<OrderCommand, OrderState, OrderEvent> aggregate(MatchingRules rules) {
        return Aggregate.of(decider(rules), EVENTS, OrderState.class).snapshotEvery(100, 1);
    }

    static List<OrderEvent> decide(OrderCommand command, OrderState state, MatchingRules rules) {
        return switch (command) {
            case ReceiveOrder c -> switch (state) {
                case Unreceived u -> Receipt.of(c, rules);
                case Noted noted -> Receipt.ofNoted(c, noted);
                case Working w -> List.of();
                case Closed closed -> List.of();
            };
            case RejectOrder c -> state instanceof Unreceived || state instanceof Noted
                    ? List.of(new OrderRejected(c.orderId(), c.accountId(), c.userId(), c.code(), c.reason(), c.at()))
                    : List.of();
            case MatchTick c -> state instanceof Working w && c.sequence() > w.lastSequence()
                    ? Matching.atPrice(w, c.price(), c.sequence(), c.fillId(), c.at(), rules)
                    : List.of();
            case CancelOrder c -> switch (state) {
                case Unreceived u -> List.of(new CancelNoted(c.orderId(), c.accountId(), c.userId(), null, c.at()));
                case Working w -> List.of(new OrderCanceled(c.orderId(), w.terms().accountId(), w.terms().userId(),
                        CancelReason.REQUESTED, w.leaves(), c.at()));
                case Noted noted -> List.of();
                case Closed closed -> List.of();
            };
            case ReplaceOrder c -> switch (state) {
                case Unreceived u ->
                        List.of(new CancelNoted(c.orderId(), c.accountId(), c.userId(), c.newOrderId(), c.at()));
                case Working w -> List.of(new OrderReplaced(c.orderId(), w.terms().accountId(), w.terms().userId(),
                        c.newOrderId(), w.leaves(), c.at()));
                case Noted noted -> List.of();
                case Closed closed -> List.of();
            };
            case ExpireOrder c -> state instanceof Working w && w.expiresAt() != null && !c.at().isBefore(w.expiresAt())
                    ? List.of(new OrderExpired(c.orderId(), w.terms().accountId(), w.terms().userId(), w.leaves(), c.at()))
                    : List.of();
        };
    }

    static OrderState evolve(OrderState state, OrderEvent event) {
        return switch (event) {
            case OrderReceived e -> Working.received(e);
            case CancelNoted e -> new Noted(e.orderId(), e.newOrderId());
            case OrderTriggered e -> working(state).triggeredAt(e.sequence());
            case StopAdjusted e -> working(state).adjusted(e.stopPrice(), e.highWaterMark(), e.sequence());
            case OrderFilled e -> e.leavesQuantity().signum() == 0 ? new Closed(e.orderId(), "filled")
                    : working(state).filled(e.leavesQuantity(), e.sequence());
            case OrderCanceled e -> new Closed(e.orderId(), "canceled");
            case OrderExpired e -> new Closed(e.orderId(), "expired");
            case OrderRejected e -> new Closed(e.orderId(), "rejected");
            case OrderReplaced e -> new Closed(e.orderId(), "replaced");
        };
    }

    private static Working working(OrderState state) {
        if (state instanceof Working w) {
            return w;
        }
        throw new IllegalStateException("an order event for an order that is not working: " + state);
    }
}
