package io.tradecore.kernel.function;

import java.util.UUID;

/**
 * Everything about a request that is not its body.
 *
 * @param requestId        this request's own id; the causation id of the events it causes
 * @param correlationId    the conversation it belongs to (taken from the caller, or new)
 * @param actor            who is acting
 * @param idempotencyKey   the caller's key for safe retries, or null
 * @param fingerprint      a keyed hash of function and input, to refuse a key reused for another request
 * @param expectedVersion  the stream version the caller last saw ({@code If-Match}), or null
 * @param consistencyToken a token from an earlier command that a query waits for, or null
 */
public record RequestContext(
        UUID requestId,
        UUID correlationId,
        Actor actor,
        String idempotencyKey,
        String fingerprint,
        Long expectedVersion,
        String consistencyToken) {

    public static RequestContext of(UUID requestId, Actor actor) {
        return new RequestContext(requestId, requestId, actor, null, null, null, null);
    }

    public RequestContext withIdempotencyKey(String key, String fingerprint) {
        return new RequestContext(requestId, correlationId, actor, key, fingerprint, expectedVersion, consistencyToken);
    }

    public RequestContext withExpectedVersion(Long version) {
        return new RequestContext(requestId, correlationId, actor, idempotencyKey, fingerprint, version, consistencyToken);
    }

    public RequestContext withConsistencyToken(String token) {
        return new RequestContext(requestId, correlationId, actor, idempotencyKey, fingerprint, expectedVersion, token);
    }
}
