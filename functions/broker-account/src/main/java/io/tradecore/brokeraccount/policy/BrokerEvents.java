package io.tradecore.brokeraccount.policy;

import io.tradecore.kernel.eventstore.ForeignEvents;
import java.math.BigDecimal;

/**
 * The virtual broker's order outcomes as broker_account reads them: a fill, or the end of an order (canceled,
 * expired, rejected, replaced), which frees what it still holds back. Only the fields used here
 * (functions/TRADING.md).
 */
public sealed interface BrokerEvents {

    ForeignEvents<BrokerEvents> VIEW = ForeignEvents.of(BrokerEvents.class)
            .on("virtual-broker.order-filled", Filled.class)
            .on("virtual-broker.order-canceled", Canceled.class)
            .on("virtual-broker.order-expired", Expired.class)
            .on("virtual-broker.order-rejected", Rejected.class)
            .on("virtual-broker.order-replaced", Replaced.class)
            .build();

    String orderId();

    String accountId();

    record Filled(String orderId, String accountId, String fillId, String symbol, String side, BigDecimal quantity,
                  BigDecimal price, BigDecimal commission, BigDecimal leavesQuantity) implements BrokerEvents {
    }

    record Canceled(String orderId, String accountId) implements BrokerEvents {
    }

    record Expired(String orderId, String accountId) implements BrokerEvents {
    }

    record Rejected(String orderId, String accountId) implements BrokerEvents {
    }

    record Replaced(String orderId, String accountId) implements BrokerEvents {
    }
}
