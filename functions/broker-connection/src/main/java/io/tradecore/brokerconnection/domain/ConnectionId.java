package io.tradecore.brokerconnection.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.util.UUID;

/** A connection's id (UUIDv7); its stream is {@code connection-{id}} and its saga has the same id. */
public record ConnectionId(UUID value) implements SingleValue {

    public ConnectionId {
        Texts.present(value, "connectionId");
    }

    public static ConnectionId of(String text) {
        try {
            return new ConnectionId(UUID.fromString(Texts.required(text, "connectionId")));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("connectionId", "connectionId must be a UUID");
        }
    }

    public String streamId() {
        return "connection-" + value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
