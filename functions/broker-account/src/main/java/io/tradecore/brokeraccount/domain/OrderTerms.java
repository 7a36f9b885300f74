package io.tradecore.brokeraccount.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import java.math.BigDecimal;

/**
 * An order as the account sees it when asked to approve it: what it reserves against, and the terms it passes on
 * untouched to the broker in {@code account.order-approved}. {@code type} and {@code timeInForce} are the order
 * domain's words and are not interpreted here; {@code userId} is the owner the order domain checked.
 */
public record OrderTerms(String orderId, String userId, String broker, String clientOrderId, Symbol symbol, Side side,
                         BigDecimal quantity, String type, BigDecimal limitPrice, BigDecimal stopPrice,
                         BigDecimal trailAmount, BigDecimal trailPercent, String timeInForce, String replacesOrderId,
                         BigDecimal estimatedPrice) {

    public OrderTerms {
        Texts.required(orderId, "orderId");
        Texts.present(symbol, "symbol");
        Texts.present(side, "side");
        if (quantity == null || quantity.signum() <= 0) {
            throw Rejection.invalid("quantity", "quantity must be more than 0");
        }
    }

    /** The price a reservation is computed at: the limit, else the stop, else the last price; null when none. */
    public BigDecimal referencePrice() {
        if (limitPrice != null) {
            return limitPrice;
        }
        return stopPrice != null ? stopPrice : estimatedPrice;
    }
}
