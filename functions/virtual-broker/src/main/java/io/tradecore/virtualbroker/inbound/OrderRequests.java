package io.tradecore.virtualbroker.inbound;

import io.tradecore.kernel.eventstore.ForeignEvents;
import java.util.UUID;

/**
 * The broker's view of the order domain's requests to cancel or replace an order it may hold. {@code broker} is not in
 * TRADING.md's fields; when the order domain sends it, requests for other brokers' orders are passed over (without
 * it, they leave a harmless tombstone on a stream no order will ever arrive at).
 */
public sealed interface OrderRequests {

    ForeignEvents<OrderRequests> VIEW = ForeignEvents.of(OrderRequests.class)
            .on("order.cancel-requested", CancelRequested.class)
            .on("order.replace-requested", ReplaceRequested.class)
            .build();

    UUID orderId();

    String broker();

    record CancelRequested(UUID orderId, UUID accountId, String userId, String broker) implements OrderRequests {
    }

    record ReplaceRequested(UUID orderId, UUID accountId, String userId, UUID newOrderId, String broker)
            implements OrderRequests {
    }
}
