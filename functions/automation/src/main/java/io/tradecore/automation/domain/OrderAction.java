package io.tradecore.automation.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;

/**
 * The order an alert asks for when it fires. The order domain places it (its own checks, its own events); this
 * record is only the request. A {@code limit} order needs a {@code limitPrice}, a {@code market} order takes none.
 */
public record OrderAction(AccountId accountId, Side side, Quantity quantity, OrderType type, Price limitPrice,
                          TimeInForce timeInForce) {

    public OrderAction {
        Texts.present(accountId, "action.accountId");
        Texts.present(side, "action.side");
        Texts.present(quantity, "action.quantity");
        Texts.present(type, "action.type");
        Texts.present(timeInForce, "action.timeInForce");
        if (type == OrderType.LIMIT && limitPrice == null) {
            throw Rejection.invalid("action.limitPrice", "a limit order needs a limitPrice");
        }
        if (type == OrderType.MARKET && limitPrice != null) {
            throw Rejection.invalid("action.limitPrice", "a market order takes no limitPrice");
        }
    }
}
