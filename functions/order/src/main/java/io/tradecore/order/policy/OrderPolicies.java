package io.tradecore.order.policy;

import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.policy.Policy;
import io.tradecore.order.domain.FillId;
import io.tradecore.order.domain.Money;
import io.tradecore.order.domain.OrderCommand;
import io.tradecore.order.domain.OrderCommand.AcceptOrder;
import io.tradecore.order.domain.OrderCommand.RecordCancel;
import io.tradecore.order.domain.OrderCommand.RecordExpiry;
import io.tradecore.order.domain.OrderCommand.RecordFill;
import io.tradecore.order.domain.OrderCommand.RecordReplacement;
import io.tradecore.order.domain.OrderCommand.RejectOrder;
import io.tradecore.order.domain.OrderState.Finished;
import io.tradecore.order.domain.OrderStatus;
import io.tradecore.order.domain.Orders;
import io.tradecore.order.domain.Price;
import io.tradecore.order.domain.Quantity;
import io.tradecore.order.inbound.AccountEvents;
import io.tradecore.order.inbound.BrokerEvents;
import io.tradecore.order.placement.OrderPlacement;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/** The policies {@code acceptOrders} and {@code recordExecutions}. */
public final class OrderPolicies {

    private final Function<Command<OrderCommand>, CommandResult> orders;
    private final Aggregates aggregates;
    private final OrderPlacement placement;
    private final Clock clock;

    public OrderPolicies(Function<Command<OrderCommand>, CommandResult> orders, Aggregates aggregates,
                         OrderPlacement placement, Clock clock) {
        this.orders = orders;
        this.aggregates = aggregates;
        this.placement = placement;
        this.clock = clock;
    }

    /** The account's buying-power gate approved or declined an order. */
    public Policy<AccountEvents> acceptOrders() {
        return Policy.on("acceptOrders", AccountEvents.VIEW, (event, send) -> {
            Instant at = clock.instant();
            send.send(orders, switch (event.payload()) {
                case AccountEvents.OrderApproved e -> new AcceptOrder(e.orderId(), at);
                case AccountEvents.OrderDeclined e -> new RejectOrder(e.orderId(), e.code(), e.reason(), at);
            });
        }).inBatches();
    }

    /**
     * The broker reports an execution or the end of an order. A replacement is two commands: mark the old order
     * replaced, then place the new one with the terms its replace request named.
     */
    public Policy<BrokerEvents> recordExecutions() {
        return Policy.on("recordExecutions", BrokerEvents.VIEW, (event, send) -> {
            Instant at = clock.instant();
            switch (event.payload()) {
                case BrokerEvents.OrderFilled e -> send.send(orders, new RecordFill(e.orderId(), new FillId(e.fillId()),
                        new Quantity(e.quantity()), new Price(e.price()),
                        e.commission() == null ? Money.ZERO : new Money(e.commission()), at));
                case BrokerEvents.OrderCanceled e -> send.send(orders, new RecordCancel(e.orderId(), e.reason(), at));
                case BrokerEvents.OrderExpired e -> send.send(orders, new RecordExpiry(e.orderId(), at));
                case BrokerEvents.OrderRejected e ->
                        send.send(orders, new RejectOrder(e.orderId(), e.code(), e.reason(), at));
                case BrokerEvents.OrderReplaced e -> {
                    var marked = send.send(orders, new RecordReplacement(e.orderId(), e.newOrderId(), at));
                    if (marked.accepted()) {
                        placeReplacement(event, e, send, at);
                    }
                }
            }
        }).inBatches();
    }

    private void placeReplacement(EventEnvelope<BrokerEvents> event, BrokerEvents.OrderReplaced replaced,
                                  Policy.Sender send, Instant at) {
        var old = aggregates.load(Orders.AGGREGATE, replaced.orderId().streamId()).state();
        if (old instanceof Finished f && f.status() == OrderStatus.REPLACED
                && f.replacement().newOrderId().equals(replaced.newOrderId())) {
            Price estimate = placement.estimate(f.ticket().symbol(), Actor.system(event.metadata().userId()));
            send.send(orders, Orders.replacementOf(f, estimate, at));
        }
    }
}
