package io.tradecore.kernel.saga;

/** What moves a saga: its start, a participant's reply, or one of its due times. */
public sealed interface SagaInput {

    record Start<D>(String sagaId, D data) implements SagaInput {
    }

    record Reply(SagaReply reply) implements SagaInput {
    }

    /** A stored due time came: a step's timeout, or the end of its backoff before the next attempt. */
    record Due(SagaState.Deadline deadline) implements SagaInput {
    }
}
