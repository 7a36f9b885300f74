package io.tradecore.order.inbound;

import io.tradecore.kernel.eventstore.ForeignEvents;
import io.tradecore.order.domain.AccountId;
import io.tradecore.order.domain.OrderType;
import io.tradecore.order.domain.Price;
import io.tradecore.order.domain.Quantity;
import io.tradecore.order.domain.Side;
import io.tradecore.order.domain.TimeInForce;

/**
 * What the order domain reads on {@code transport.automation}: an alert that fired, with the order its owner asked
 * for (functions/TRADING.md). Only the fields placing that order needs; alerts without an action place nothing.
 */
public sealed interface AlertEvents {

    ForeignEvents<AlertEvents> VIEW = ForeignEvents.of(AlertEvents.class)
            .on("alert.triggered", AlertTriggered.class)
            .build();

    /** {@code userId} is the alert's owner; {@code sequence} the tick that fired it; {@code action} may be null. */
    record AlertTriggered(String alertId, String userId, String symbol, long sequence, Action action)
            implements AlertEvents {
    }

    /** The order to place: market or limit, in the owner's account. */
    record Action(AccountId accountId, Side side, Quantity quantity, OrderType type, Price limitPrice,
                  TimeInForce timeInForce) {
    }
}
