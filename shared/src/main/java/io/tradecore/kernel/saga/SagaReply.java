package io.tradecore.kernel.saga;

/**
 * A participant's answer to one step, read from its event: the step is done, failed (with a stable code and a
 * reason; {@code retryable} when trying again may help), or its compensation is done.
 */
public record SagaReply(String sagaId, String step, Kind kind, String code, String reason, boolean retryable) {

    public enum Kind { DONE, FAILED, COMPENSATED }

    public static SagaReply done(String sagaId, String step) {
        return new SagaReply(sagaId, step, Kind.DONE, null, null, false);
    }

    public static SagaReply failed(String sagaId, String step, String code, String reason, boolean retryable) {
        return new SagaReply(sagaId, step, Kind.FAILED, code, reason, retryable);
    }

    public static SagaReply compensated(String sagaId, String step) {
        return new SagaReply(sagaId, step, Kind.COMPENSATED, null, null, false);
    }
}
