package io.tradecore.brokeraccount.policy;

import io.tradecore.kernel.eventstore.ForeignEvents;
import java.math.BigDecimal;

/** The order domain's events as broker_account reads them: only the fields it uses (functions/TRADING.md). */
public sealed interface OrderEvents {

    ForeignEvents<OrderEvents> VIEW = ForeignEvents.of(OrderEvents.class).on("order.placed", Placed.class).build();

    record Placed(String orderId, String accountId, String userId, String broker, String clientOrderId, String symbol,
                  String side, BigDecimal quantity, String type, BigDecimal limitPrice, BigDecimal stopPrice,
                  BigDecimal trailAmount, BigDecimal trailPercent, String timeInForce, String replacesOrderId,
                  BigDecimal estimatedPrice) implements OrderEvents {
    }
}
