package io.tradecore.order.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.util.UUID;

/** A user's id (UUIDv7 where this platform makes it). */
public record UserId(UUID value) implements SingleValue {

    public UserId {
        Texts.present(value, "userId");
    }

    public static UserId of(String text) {
        try {
            return new UserId(UUID.fromString(Texts.required(text, "userId")));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("userId", "userId must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
