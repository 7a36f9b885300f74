package io.tradecore.order.inbound;

import io.tradecore.kernel.eventstore.ForeignEvents;
import io.tradecore.order.domain.OrderId;

/** What the order domain reads on {@code transport.broker_account}: the buying-power gate's verdicts. */
public sealed interface AccountEvents {

    ForeignEvents<AccountEvents> VIEW = ForeignEvents.of(AccountEvents.class)
            .on("account.order-approved", OrderApproved.class)
            .on("account.order-declined", OrderDeclined.class)
            .build();

    OrderId orderId();

    record OrderApproved(OrderId orderId) implements AccountEvents {
    }

    record OrderDeclined(OrderId orderId, String code, String reason) implements AccountEvents {
    }
}
