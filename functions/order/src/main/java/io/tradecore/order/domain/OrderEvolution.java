package io.tradecore.order.domain;

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
import io.tradecore.order.domain.OrderState.Imported;
import io.tradecore.order.domain.OrderState.Replacement;
import io.tradecore.order.domain.OrderState.Working;

/** How each order event moves the state along. */
final class OrderEvolution {

    private OrderEvolution() {
    }

    static OrderState evolve(OrderState state, OrderEvent event) {
        return switch (event) {
            case OrderPlaced e -> new Working(OrderTicket.of(e), OrderStatus.NEW, Execution.NONE, null, null);
            case OrderAccepted e -> working(state, e).accepted(e.at());
            case OrderRejected e -> finish(state, e, OrderStatus.REJECTED);
            case CancelRequested e -> working(state, e).withStatus(OrderStatus.PENDING_CANCEL);
            case ReplaceRequested e -> {
                Working w = working(state, e);
                OrderTerms terms = new OrderTerms(w.ticket().terms().type(), e.quantity(), e.limitPrice(),
                        e.stopPrice(), e.trailAmount(), e.trailPercent(), e.timeInForce());
                yield w.replacing(new Replacement(e.newOrderId(), terms));
            }
            case OrderPartiallyFilled e -> {
                Working w = working(state, e);
                yield w.filled(w.execution().with(e.fillId(), e.quantity(), e.price()));
            }
            case OrderFilled e -> {
                Working w = working(state, e);
                yield w.finish(OrderStatus.FILLED, w.execution().with(e.fillId(), e.quantity(), e.price()), e.at());
            }
            case OrderCanceled e -> finish(state, e, OrderStatus.CANCELED);
            case OrderExpired e -> finish(state, e, OrderStatus.EXPIRED);
            case OrderReplaced e -> finish(state, e, OrderStatus.REPLACED);
            case OrderImported e -> new Imported(e.orderId(), e.accountId(), e.userId(), e.brokerOrderId(), e.symbol(),
                    e.side(), e.quantity(), new BrokerProgress(e.status(), e.filledQuantity(), e.averageFillPrice(),
                            e.updatedAt()));
            case OrderImportUpdated e -> imported(state, e).with(new BrokerProgress(e.status(), e.filledQuantity(),
                    e.averageFillPrice(), e.updatedAt()));
        };
    }

    private static OrderState finish(OrderState state, OrderEvent event, OrderStatus end) {
        Working w = working(state, event);
        return w.finish(end, w.execution(), event.at());
    }

    private static Imported imported(OrderState state, OrderEvent event) {
        if (state instanceof Imported i) {
            return i;
        }
        throw new IllegalStateException(event.getClass().getSimpleName() + " on an order that was not imported: " + state);
    }

    private static Working working(OrderState state, OrderEvent event) {
        if (state instanceof Working w) {
            return w;
        }
        throw new IllegalStateException(event.getClass().getSimpleName() + " on an order that is not working: " + state);
    }
}
