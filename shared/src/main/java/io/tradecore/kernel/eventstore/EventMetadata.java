package io.tradecore.kernel.eventstore;

import java.util.UUID;

/**
 * Who and what caused an append: the correlation id of the whole conversation, the id of the message
 * (command or event) that caused it, and the acting user, if any.
 */
public record EventMetadata(UUID correlationId, UUID causationId, String userId) {
}
