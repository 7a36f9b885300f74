package io.tradecore.virtualbroker.domain;

import io.tradecore.virtualbroker.domain.OrderCommand.ReceiveOrder;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderCanceled;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderFilled;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderReceived;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderReplaced;
import io.tradecore.virtualbroker.domain.OrderState.Noted;
import io.tradecore.virtualbroker.domain.OrderState.Working;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What taking an order produces. The order is matched at once against the symbol's last price, if there is one;
 * then its time in force has its say: ioc cancels what did not fill, fok keeps the fill only if it is the whole order
 * and otherwise cancels all of it.
 */
final class Receipt {

    private Receipt() {
    }

    static List<OrderEvent> of(ReceiveOrder c, MatchingRules rules) {
        OrderTerms terms = c.terms();
        OrderReceived received = OrderReceived.of(terms, terms.timeInForce() == TimeInForce.DAY ? c.expiresAt() : null,
                c.at());
        List<OrderEvent> matched = c.lastPrice() == null ? List.of()
                : Matching.atPrice(Working.received(received), c.lastPrice(), c.lastSequence(), c.fillId(), c.at(), rules);
        BigDecimal leaves = matched.stream().filter(OrderFilled.class::isInstance).map(OrderFilled.class::cast)
                .map(OrderFilled::leavesQuantity).findFirst().orElse(terms.quantity());
        List<OrderEvent> events = new ArrayList<>();
        events.add(received);
        switch (terms.timeInForce()) {
            case DAY, GTC -> events.addAll(matched);
            case IOC -> {
                events.addAll(matched);
                if (leaves.signum() > 0) {
                    events.add(canceled(terms, CancelReason.IOC, leaves, c));
                }
            }
            case FOK -> {
                if (leaves.signum() == 0) {
                    events.addAll(matched);
                } else {
                    events.add(canceled(terms, CancelReason.FOK, terms.quantity(), c));
                }
            }
        }
        return events;
    }

    /** The order arrives after a cancel or replace of it: it is taken and ended in one step. */
    static List<OrderEvent> ofNoted(ReceiveOrder c, Noted noted) {
        OrderTerms terms = c.terms();
        OrderReceived received = OrderReceived.of(terms, null, c.at());
        OrderEvent end = noted.newOrderId() == null
                ? canceled(terms, CancelReason.REQUESTED, terms.quantity(), c)
                : new OrderReplaced(terms.orderId(), terms.accountId(), terms.userId(), noted.newOrderId(),
                        terms.quantity(), c.at());
        return List.of(received, end);
    }

    private static OrderCanceled canceled(OrderTerms terms, CancelReason reason, BigDecimal leaves, ReceiveOrder c) {
        return new OrderCanceled(terms.orderId(), terms.accountId(), terms.userId(), reason, leaves, c.at());
    }
}
