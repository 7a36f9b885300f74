package io.tradecore.kernel.eventstore;

import java.time.Instant;
import java.util.UUID;

/**
 * An event row as it is stored, with its payload still the JSON text it was written as: what the outbox relay
 * publishes without decoding, and what {@link EventCodec} turns into an {@link EventEnvelope}.
 */
public record StoredEvent(
        UUID eventId,
        String streamId,
        String streamType,
        long version,
        long position,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        EventMetadata metadata,
        String payloadJson) {
}
