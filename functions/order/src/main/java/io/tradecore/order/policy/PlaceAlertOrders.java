package io.tradecore.order.policy;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.policy.Policy;
import io.tradecore.order.api.OrderRequests.PlaceOrderRequest;
import io.tradecore.order.domain.ClientOrderId;
import io.tradecore.order.domain.OrderCommand;
import io.tradecore.order.domain.OrderCommand.PlaceOrder;
import io.tradecore.order.domain.OrderId;
import io.tradecore.order.domain.Symbol;
import io.tradecore.order.domain.UserId;
import io.tradecore.order.inbound.AlertEvents;
import io.tradecore.order.inbound.AlertEvents.Action;
import io.tradecore.order.inbound.AlertEvents.AlertTriggered;
import io.tradecore.order.placement.OrderPlacement;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;

/**
 * The policy {@code placeAlertOrders}: when an alert with an order action fires (automation's {@code alert.triggered}),
 * place that order as its owner would, through the same placement checks (symbol, account open and the owner's) and
 * the same decider, and so on through the buying-power gate: a declined order is an {@code order.rejected} like any
 * other. The client order id is {@code alert:{alertId}:{sequence}} and the order id a name-based UUID of it, so the
 * event handled again (or the same firing under another event id) meets the same order stream and the same claimed
 * client order id, and places exactly one order. A placement the checks refuse (the account closed or no longer the
 * owner's, the symbol delisted) is logged by the policy runtime and places nothing, as an HTTP placement would answer
 * 4xx and write nothing.
 */
public final class PlaceAlertOrders {

    public static final String NAME = "placeAlertOrders";

    private PlaceAlertOrders() {
    }

    public static Policy<AlertEvents> policy(Function<Command<AlertTriggered>, CommandResult> placeFromAlert) {
        return Policy.on(NAME, AlertEvents.VIEW, (event, send) -> {
            switch (event.payload()) {
                case AlertTriggered fired -> {
                    if (fired.action() != null) {
                        send.send(placeFromAlert, fired);
                    }
                }
            }
        });
    }

    /** The command function the policy sends to: placement checks as the alert's owner, then the order decider. */
    public static Function<Command<AlertTriggered>, CommandResult> placer(
            Function<Command<OrderCommand>, CommandResult> orders, OrderPlacement placement) {
        return command -> {
            AlertTriggered fired = command.body();
            String key = clientOrderId(fired);
            PlaceOrder checked = placement.place(request(fired, key), Actor.system(fired.userId()));
            if (!checked.userId().equals(UserId.of(fired.userId()))) {
                throw Rejection.notFound("account-not-found", "the alert's account is not its owner's");
            }
            PlaceOrder order = new PlaceOrder(orderId(key), checked.accountId(), checked.userId(), checked.broker(),
                    checked.clientOrderId(), checked.symbol(), checked.side(), checked.terms(),
                    checked.estimatedPrice(), null, checked.at());
            return orders.apply(command.map(body -> order));
        };
    }

    static String clientOrderId(AlertTriggered fired) {
        return "alert:" + fired.alertId() + ":" + fired.sequence();
    }

    static OrderId orderId(String clientOrderId) {
        return new OrderId(UUID.nameUUIDFromBytes(clientOrderId.getBytes(StandardCharsets.UTF_8)));
    }

    private static PlaceOrderRequest request(AlertTriggered fired, String clientOrderId) {
        Action action = fired.action();
        return new PlaceOrderRequest(action.accountId(), new Symbol(fired.symbol()), action.side(), action.quantity(),
                action.type(), action.limitPrice(), null, null, null, action.timeInForce(),
                new ClientOrderId(clientOrderId));
    }
}
