package io.tradecore.kernel.saga;

import java.time.Instant;

/**
 * Where one saga is: running step {@code step} (its {@code attempt}), compensating step {@code step}, or ended.
 * A failed saga remembers which step failed, with the stable code and the reason.
 */
public record SagaState<D>(String sagaId, String saga, D data, Status status, int step, int attempt,
                           String failedStep, String code, String reason, Instant startedAt, Instant updatedAt) {

    public enum Status { RUNNING, COMPENSATING, COMPLETED, FAILED }

    /** A due time: the step's timeout, or the end of the backoff before its next attempt. */
    public record Deadline(Kind kind, int step, int attempt, Instant dueAt) {
        public enum Kind { TIMEOUT, RETRY }
    }

    public boolean ended() {
        return status == Status.COMPLETED || status == Status.FAILED;
    }

    SagaState<D> at(Status newStatus, int newStep, int newAttempt, Instant now) {
        return new SagaState<>(sagaId, saga, data, newStatus, newStep, newAttempt, failedStep, code, reason, startedAt,
                now);
    }

    SagaState<D> failing(String step, String failureCode, String failureReason, Instant now) {
        return new SagaState<>(sagaId, saga, data, Status.COMPENSATING, this.step, attempt, step, failureCode,
                failureReason, startedAt, now);
    }
}
