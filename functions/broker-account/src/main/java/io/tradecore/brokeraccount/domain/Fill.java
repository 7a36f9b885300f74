package io.tradecore.brokeraccount.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import java.math.BigDecimal;

/**
 * An execution the broker reported. {@code leavesQuantity} is what of the order is still working after it (0: the
 * order is done; null: the broker did not say).
 */
public record Fill(String orderId, String fillId, Symbol symbol, Side side, BigDecimal quantity, BigDecimal price,
                   Money commission, BigDecimal leavesQuantity) {

    public Fill {
        Texts.required(orderId, "orderId");
        Texts.required(fillId, "fillId");
        Texts.present(symbol, "symbol");
        Texts.present(side, "side");
        if (quantity == null || quantity.signum() <= 0) {
            throw Rejection.invalid("quantity", "quantity must be more than 0");
        }
        if (price == null || price.signum() <= 0) {
            throw Rejection.invalid("price", "price must be more than 0");
        }
        commission = commission == null ? Money.ZERO : commission;
    }

    public boolean endsOrder() {
        return leavesQuantity != null && leavesQuantity.signum() <= 0;
    }

    /** Cash in (+) or out (−): the fill's value at its price, and the commission always out. */
    public Money cashChange() {
        BigDecimal value = quantity.multiply(price);
        return new Money(side == Side.buy ? value.negate() : value).minus(commission);
    }
}
