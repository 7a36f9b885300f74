package io.tradecore.order.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.order.domain.OrderCommand.ImportOrder;
import io.tradecore.order.domain.OrderCommand.UpdateImportedOrder;
import io.tradecore.order.domain.OrderEvent.OrderImportUpdated;
import io.tradecore.order.domain.OrderEvent.OrderImported;
import io.tradecore.order.domain.OrderState.Finished;
import io.tradecore.order.domain.OrderState.Imported;
import io.tradecore.order.domain.OrderState.NoOrder;
import io.tradecore.order.domain.OrderState.Working;
import java.time.Instant;
import java.util.List;

/**
 * Orders brought in from a connected broker by a history sync. The first import records the order as the broker
 * reports it; every later report records only a change of progress, so syncing twice changes nothing, and a report
 * the broker dated before the one recorded (a late delivery) changes nothing either.
 */
final class OrderImports {

    private OrderImports() {
    }

    static List<OrderEvent> importOrder(ImportOrder c, OrderState state) {
        return switch (state) {
            case NoOrder none -> List.of(imported(c));
            case Imported imported -> progressed(imported, c.progress(), c.at());
            case Working working -> throw notImported();
            case Finished finished -> throw notImported();
        };
    }

    static List<OrderEvent> update(UpdateImportedOrder c, OrderState state) {
        return switch (state) {
            case NoOrder none -> throw Orders.orderNotFound();
            case Imported imported -> progressed(imported, c.progress(), c.at());
            case Working working -> throw notImported();
            case Finished finished -> throw notImported();
        };
    }

    /** What a client's cancel or replace of an imported order gets. */
    static Rejection notChangeableHere() {
        return Rejection.conflict("order-imported", "this order was placed at the broker outside TradeCore and only "
                + "mirrors it; cancel or replace it at the broker");
    }

    private static List<OrderEvent> progressed(Imported order, BrokerProgress reported, Instant at) {
        if (reported.sameAs(order.progress()) || reported.olderThan(order.progress())) {
            return List.of();
        }
        return List.of(new OrderImportUpdated(order.orderId(), order.accountId(), order.userId(),
                order.brokerOrderId(), reported.status(), reported.filledQuantity(), reported.averageFillPrice(),
                reported.updatedAt(), at));
    }

    private static OrderImported imported(ImportOrder c) {
        BrokerProgress p = c.progress();
        return new OrderImported(c.orderId(), c.accountId(), c.userId(), c.brokerOrderId(), c.clientOrderId(),
                c.symbol(), c.side(), c.quantity(), c.type(), c.limitPrice(), c.stopPrice(), c.timeInForce(),
                p.status(), p.filledQuantity(), p.averageFillPrice(), c.submittedAt(), p.updatedAt(), c.at());
    }

    /** The id is derived from account and broker order id, so only a placed order could collide: refuse it. */
    private static Rejection notImported() {
        return Rejection.conflict("order-not-imported", "an order placed through TradeCore has this id");
    }
}
