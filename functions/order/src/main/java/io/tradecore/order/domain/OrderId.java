package io.tradecore.order.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** An order's id (UUIDv7 where this platform makes it; name-based for an imported broker order). */
public record OrderId(UUID value) implements SingleValue {

    public OrderId {
        Texts.present(value, "orderId");
    }

    public static OrderId of(String text) {
        try {
            return new OrderId(UUID.fromString(Texts.required(text, "orderId")));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("orderId", "orderId must be a UUID");
        }
    }

    /**
     * The id of a broker order imported into {@code accountId}: derived from both (a name-based UUID), so every sync
     * of the same broker order reaches the same stream and a second import can only find it there.
     */
    public static OrderId imported(AccountId accountId, String brokerOrderId) {
        String key = "account:" + accountId + ":broker-order:" + Texts.required(brokerOrderId, "brokerOrderId");
        return new OrderId(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** The order's event stream, {@code order-{orderId}}. */
    public String streamId() {
        return "order-" + value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
