package io.tradecore.automation.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.util.UUID;

/** An alert's id (UUIDv7 where this platform makes it). */
public record AlertId(UUID value) implements SingleValue, Comparable<AlertId> {

    public AlertId {
        Texts.present(value, "alertId");
    }

    public static AlertId of(String text) {
        try {
            return new AlertId(UUID.fromString(Texts.required(text, "alertId")));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("alertId", "alertId must be a UUID");
        }
    }

    @Override
    public int compareTo(AlertId other) {
        return value.toString().compareTo(other.value.toString());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
