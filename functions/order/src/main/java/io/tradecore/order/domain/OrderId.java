package io.tradecore.order.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.util.UUID;

/** An order's id (UUIDv7 where this platform makes it). */
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

    /** The order's event stream, {@code order-{orderId}}. */
    public String streamId() {
        return "order-" + value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
