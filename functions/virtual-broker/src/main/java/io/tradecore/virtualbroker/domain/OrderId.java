package io.tradecore.virtualbroker.domain;

import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.util.UUID;

/** The TradeCore order id, which is also the paper broker's order id; names the stream {@code vb-order-{id}}. */
public record OrderId(UUID value) implements SingleValue {

    public OrderId {
        Texts.present(value, "orderId");
    }

    public String streamId() {
        return "vb-order-" + value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
