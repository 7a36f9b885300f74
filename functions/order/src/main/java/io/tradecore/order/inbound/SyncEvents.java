package io.tradecore.order.inbound;

import io.tradecore.kernel.eventstore.ForeignEvents;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the order domain reads on {@code transport.data_sync}: the orders a connected broker reported, the first time
 * a sync saw each and whenever its progress changed there. {@code brokerOrderId} is the broker's id.
 */
public sealed interface SyncEvents {

    ForeignEvents<SyncEvents> VIEW = ForeignEvents.of(SyncEvents.class)
            .on("sync.order-imported", OrderImported.class)
            .on("sync.order-updated", OrderUpdated.class)
            .build();

    String accountId();

    String userId();

    String brokerOrderId();

    record OrderImported(String accountId, String userId, String brokerOrderId, String clientOrderId, String symbol,
                         String side, BigDecimal quantity, String type, BigDecimal limitPrice, BigDecimal stopPrice,
                         String timeInForce, String status, BigDecimal filledQuantity, BigDecimal averageFillPrice,
                         Instant submittedAt, Instant updatedAt) implements SyncEvents {
    }

    record OrderUpdated(String accountId, String userId, String brokerOrderId, String status,
                        BigDecimal filledQuantity, BigDecimal averageFillPrice, Instant updatedAt)
            implements SyncEvents {
    }
}
