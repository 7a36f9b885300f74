package io.tradecore.order.domain;

import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.util.regex.Pattern;

/**
 * The caller's own name for an order, unique per account: 1 to 64 letters, digits, {@code . _ : -}. Lets a client
 * that lost the answer to a placement find out whether it took effect, without placing it twice.
 */
public record ClientOrderId(String value) implements SingleValue {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._:-]+");

    public ClientOrderId {
        value = Texts.bounded(Texts.required(value, "clientOrderId").strip(), "clientOrderId", 1, 64);
        Texts.matching(value, "clientOrderId", SHAPE, "may hold letters, digits, '.', '_', ':' and '-'");
    }

    @Override
    public String toString() {
        return value;
    }
}
