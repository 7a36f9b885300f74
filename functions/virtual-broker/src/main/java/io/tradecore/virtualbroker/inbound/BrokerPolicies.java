package io.tradecore.virtualbroker.inbound;

import io.tradecore.contracts.broker.OrderRequest;
import io.tradecore.kernel.domain.Ids;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.policy.Policy;
import io.tradecore.virtualbroker.book.WorkingOrders;
import io.tradecore.virtualbroker.broker.Submission;
import io.tradecore.virtualbroker.broker.VirtualBrokerAdapter;
import io.tradecore.virtualbroker.domain.FeedEvent.PriceTicked;
import io.tradecore.virtualbroker.domain.OrderCommand;
import io.tradecore.virtualbroker.domain.OrderCommand.CancelOrder;
import io.tradecore.virtualbroker.domain.OrderCommand.MatchTick;
import io.tradecore.virtualbroker.domain.OrderCommand.ReplaceOrder;
import io.tradecore.virtualbroker.domain.OrderId;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;

/** The broker's three policies: take approved paper orders, relay cancel and replace requests, match on each tick. */
public final class BrokerPolicies {


    private final VirtualBrokerAdapter broker;
    private final Function<Command<OrderCommand>, CommandResult> orders;
    private final WorkingOrders working;
    private final Clock clock;
    private final Ids ids;

    public BrokerPolicies(VirtualBrokerAdapter broker, Function<Command<OrderCommand>, CommandResult> orders,
                          WorkingOrders working, Clock clock, Ids ids) {
        this.broker = broker;
        this.orders = orders;
        this.working = working;
        this.clock = clock;
        this.ids = ids;
    }

    /** An order approved for an account at the {@code virtual} broker goes to the paper broker. */
    public Policy<AccountEvents> routeApprovedOrders() {
        return Policy.on("routeApprovedOrders", AccountEvents.VIEW, (event, send) -> {
            if (event.payload() instanceof AccountEvents.OrderApproved a && VirtualBrokerAdapter.BROKER.equals(a.broker())) {
                OrderRequest request = new OrderRequest(a.accountId(), a.clientOrderId(), a.symbol(), a.side(),
                        a.quantity(), a.type(), a.limitPrice(), a.stopPrice(), a.trailAmount(), a.trailPercent(),
                        a.timeInForce());
                send.send(broker::submit, new Submission(UUID.fromString(a.orderId()), a.userId(), request));
            }
        }).inBatches();
    }

    /** Cancel and replace requests become commands on the order's stream, which decides what came first. */
    public Policy<OrderRequests> relayOrderRequests() {
        return Policy.on("relayOrderRequests", OrderRequests.VIEW, (event, send) -> {
            String orderBroker = event.payload().broker();
            if (orderBroker != null && !VirtualBrokerAdapter.BROKER.equals(orderBroker)) {
                return;
            }
            OrderId id = new OrderId(event.payload().orderId());
            OrderCommand command = switch (event.payload()) {
                case OrderRequests.CancelRequested c -> new CancelOrder(id, c.accountId(), c.userId(), clock.instant());
                case OrderRequests.ReplaceRequested r ->
                        new ReplaceOrder(id, r.accountId(), r.userId(), r.newOrderId(), clock.instant());
            };
            send.send(orders, command);
        });
    }

    /**
     * A tick is shown to every open order of its symbol it can change. Each order's command is keyed by the order:
     * the set of candidates for a redelivered tick can differ from the first delivery's.
     */
    public Policy<PriceTicked> matchOrdersOnTick() {
        return Policy.onOwn("matchOrdersOnTick", PriceTicked.class, (event, send) -> {
            PriceTicked tick = event.payload();
            for (OrderId order : working.affectedBy(tick.symbol(), tick.price(), tick.sequence())) {
                send.send(order.toString(), orders,
                        (OrderCommand) new MatchTick(order, tick.price(), tick.sequence(), ids.next(), clock.instant()));
            }
        });
    }
}
