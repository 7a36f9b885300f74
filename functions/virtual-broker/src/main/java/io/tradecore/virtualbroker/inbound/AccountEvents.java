package io.tradecore.virtualbroker.inbound;

import io.tradecore.kernel.eventstore.ForeignEvents;
import java.math.BigDecimal;

/** The broker's view of broker_account's events: only the approval of an order, with the fields it reads. */
public sealed interface AccountEvents {

    ForeignEvents<AccountEvents> VIEW = ForeignEvents.of(AccountEvents.class)
            .on("account.order-approved", OrderApproved.class)
            .build();

    record OrderApproved(String accountId, String userId, String broker, String orderId, String clientOrderId,
                         String symbol, String side, BigDecimal quantity, String type, BigDecimal limitPrice,
                         BigDecimal stopPrice, BigDecimal trailAmount, BigDecimal trailPercent, String timeInForce)
            implements AccountEvents {
    }
}
