package io.tradecore.kernel.saga;

import io.tradecore.kernel.eventstore.EventCodec;
import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.function.JobReport;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs sagas: starts them, feeds them replies and due times, and stores each transition (state under a version
 * check, commands, due time, timeline) in one transaction, then has the relay publish the commands. A transition
 * that lost a race to another worker is decided again on the fresh state, so a reply is never applied to a stale
 * saga and never lost.
 */
public final class SagaRuntime {

    private static final Logger log = LoggerFactory.getLogger(SagaRuntime.class);
    private static final int ATTEMPTS = 5;

    private final SagaStore store;
    private final SagaLocks locks;
    private final SagaCommandRelay relay;
    private final EventCodec codec;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public SagaRuntime(SagaStore store, SagaLocks locks, SagaCommandRelay relay, EventCodec codec,
                       TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.locks = locks;
        this.relay = relay;
        this.codec = codec;
        this.transactions = transactions;
        this.clock = clock;
    }

    public SagaStore store() {
        return store;
    }

    /**
     * Starts a saga in the caller's transaction (e.g. with the command that asks for it), so the request and the
     * saga's first command commit together; the command is published after that commit.
     */
    public <D> SagaTransition<D> start(SagaDefinition<D> definition, String sagaId, D data) {
        SagaTransition<D> started = SagaDecider.start(definition, new SagaInput.Start<>(sagaId, data), clock.instant());
        store.insert(definition, started.state());
        store.record(definition, definition.owner().apply(data), started);
        publishAfterCommit();
        return started;
    }

    /** Applies one input to a saga; false when the saga is unknown or the input changed nothing. */
    public <D> boolean handle(SagaDefinition<D> definition, String sagaId, SagaInput input) {
        try (SagaLocks.Held lock = locks.acquire(sagaId)) {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                Optional<Boolean> outcome = Optional.ofNullable(transactions.execute(status -> apply(definition, sagaId, input)));
                if (outcome.isPresent()) {
                    if (outcome.get()) {
                        relay.publishPending(100);
                    }
                    return outcome.get();
                }
                log.debug("saga {} moved on while deciding; deciding again (attempt {})", sagaId, attempt);
            }
        }
        throw new IllegalStateException("saga " + sagaId + " kept changing; the input will be redelivered");
    }

    /** True or false as {@link #handle}; null when another worker moved the saga on first (decide again). */
    private <D> Boolean apply(SagaDefinition<D> definition, String sagaId, SagaInput input) {
        Optional<SagaStore.Stored<D>> stored = store.load(definition, sagaId);
        if (stored.isEmpty()) {
            return false;
        }
        SagaTransition<D> transition = SagaDecider.decide(definition, stored.get().state(), input, clock.instant());
        if (!transition.changed()) {
            if (input instanceof SagaInput.Due due) {
                store.dropDeadline(sagaId, due.deadline());
            }
            return false;
        }
        if (!store.update(transition.state(), stored.get().version())) {
            return null;
        }
        store.record(definition, stored.get().owner(), transition);
        return true;
    }

    /** The saga-step function that reads participants' events (from {@code transport.*}) as replies. */
    public <D> Consumer<List<byte[]>> replies(SagaDefinition<D> definition) {
        return records -> {
            for (byte[] record : records) {
                Optional<SagaReply> reply = read(definition, record);
                reply.ifPresent(r -> handle(definition, r.sagaId(), new SagaInput.Reply(r)));
            }
        };
    }

    private Optional<SagaReply> read(SagaDefinition<?> definition, byte[] record) {
        EventEnvelope<Object> event;
        try {
            event = codec.fromMessage(record);
        } catch (RuntimeException unknown) {
            return Optional.empty(); // not an event this deployment reads; not a reply to this saga
        }
        return definition.replies().apply(event);
    }

    /** The scheduled job that fires the saga's due times (timeouts start retries or compensation). */
    public <D> Supplier<JobReport> timeouts(String job, SagaDefinition<D> definition) {
        return () -> {
            long fired = 0;
            for (SagaStore.DueSaga due : store.due(definition.name(), clock.instant(), 500)) {
                try {
                    if (handle(definition, due.sagaId(), new SagaInput.Due(due.deadline()))) {
                        fired++;
                    }
                } catch (RuntimeException e) {
                    log.warn("saga {}: due time not handled, next run tries again: {}", due.sagaId(), e.toString());
                }
            }
            return new JobReport(job, fired);
        };
    }

    /** The scheduled job that publishes commands a crash left recorded but unpublished. */
    public Supplier<JobReport> relayJob(String job) {
        return () -> new JobReport(job, relay.publishPending(500));
    }

    private void publishAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    try {
                        relay.publishPending(100);
                    } catch (RuntimeException e) {
                        log.warn("saga commands stay pending for the relay job: {}", e.toString());
                    }
                }
            });
        } else {
            relay.publishPending(100);
        }
    }
}
