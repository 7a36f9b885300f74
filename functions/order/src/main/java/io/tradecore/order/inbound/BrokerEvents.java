package io.tradecore.order.inbound;

import io.tradecore.kernel.eventstore.ForeignEvents;
import io.tradecore.order.domain.OrderId;
import java.math.BigDecimal;

/** What the order domain reads on {@code transport.virtual_broker}: executions and the end of orders. */
public sealed interface BrokerEvents {

    ForeignEvents<BrokerEvents> VIEW = ForeignEvents.of(BrokerEvents.class)
            .on("virtual-broker.order-filled", OrderFilled.class)
            .on("virtual-broker.order-canceled", OrderCanceled.class)
            .on("virtual-broker.order-expired", OrderExpired.class)
            .on("virtual-broker.order-rejected", OrderRejected.class)
            .on("virtual-broker.order-replaced", OrderReplaced.class)
            .build();

    OrderId orderId();

    record OrderFilled(OrderId orderId, String fillId, BigDecimal quantity, BigDecimal price, BigDecimal commission)
            implements BrokerEvents {
    }

    record OrderCanceled(OrderId orderId, String reason) implements BrokerEvents {
    }

    record OrderExpired(OrderId orderId) implements BrokerEvents {
    }

    record OrderRejected(OrderId orderId, String code, String reason) implements BrokerEvents {
    }

    record OrderReplaced(OrderId orderId, OrderId newOrderId) implements BrokerEvents {
    }
}
