package io.tradecore.virtualbroker.domain;

import static io.tradecore.virtualbroker.domain.Prices.PRICE_SCALE;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * What an order asks of the broker, checked as a whole: a positive quantity; a limit price for limit and stop-limit
 * orders, a stop price for stop and stop-limit orders, exactly one of trail amount or trail percent (below 100) for
 * trailing stops, and no price an order type does not use.
 */
public record OrderTerms(OrderId orderId, UUID accountId, String userId, String clientOrderId, Symbol symbol,
                         Side side, BigDecimal quantity, OrderType type, BigDecimal limitPrice, BigDecimal stopPrice,
                         BigDecimal trailAmount, BigDecimal trailPercent, TimeInForce timeInForce) {

    public OrderTerms {
        Texts.present(orderId, "orderId");
        Texts.present(accountId, "accountId");
        Texts.bounded(clientOrderId, "clientOrderId", 1, 128);
        Texts.present(symbol, "symbol");
        Texts.present(side, "side");
        Texts.present(type, "type");
        Texts.present(timeInForce, "timeInForce");
        Prices.positive(quantity, "quantity", Prices.QUANTITY_SCALE);
        limitPrice = priceFor(type.isLimited(), limitPrice, "limitPrice");
        stopPrice = priceFor(type == OrderType.STOP || type == OrderType.STOP_LIMIT, stopPrice, "stopPrice");
        boolean trailing = type == OrderType.TRAILING_STOP;
        trailAmount = trailing ? Prices.optionalPositive(trailAmount, "trailAmount", PRICE_SCALE)
                : unused(trailAmount, "trailAmount");
        trailPercent = trailing ? Prices.optionalPositive(trailPercent, "trailPercent", 4)
                : unused(trailPercent, "trailPercent");
        if (trailing && (trailAmount == null) == (trailPercent == null)) {
            throw Rejection.invalid("trailAmount", "a trailing stop takes exactly one of trailAmount or trailPercent");
        }
        if (trailPercent != null && trailPercent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw Rejection.invalid("trailPercent", "trailPercent must be below 100");
        }
    }

    private static BigDecimal priceFor(boolean used, BigDecimal price, String field) {
        if (!used) {
            return unused(price, field);
        }
        return Prices.positive(Texts.present(price, field), field, PRICE_SCALE);
    }

    private static BigDecimal unused(BigDecimal value, String field) {
        if (value != null) {
            throw Rejection.invalid(field, field + " does not apply to this order type");
        }
        return null;
    }
}
