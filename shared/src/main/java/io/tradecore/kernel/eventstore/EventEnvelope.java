package io.tradecore.kernel.eventstore;

import io.tradecore.kernel.domain.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored event with everything the store knows about it. {@code position} is the global position, the
 * consistency token a reader can wait for; {@code version} is the event's place in its stream, starting at 1.
 *
 * @param <E> the decoded payload type
 */
public record EventEnvelope<E>(
        UUID eventId,
        String streamId,
        String streamType,
        long version,
        long position,
        EventType type,
        Instant occurredAt,
        EventMetadata metadata,
        E payload) {
}
