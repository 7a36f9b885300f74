package io.tradecore.kernel.saga;

import io.tradecore.kernel.domain.Rejection;
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
        Optional<SagaStore.Stored<D>> stored = store.lock(definition, sagaId);
        if (stored.isEmpty()) {
            return false;
        }
        if (input instanceof SagaInput.Due due && !store.holds(sagaId, due.deadline())) {
            return false; // an answer claimed the step's timeout (or the due time was replaced) after the job read it
        }
        SagaTransition<D> transition = SagaDecider.decide(definition, stored.get().state(), input, clock.instant());
        if (!transition.changed()) {
            if (input instanceof SagaInput.Due due) {
                store.dropDeadline(sagaId, due.deadline());
            }
            store.note(sagaId, transition.timeline());
            return false;
        }
        if (!store.update(transition.state(), stored.get().version())) {
            return null;
        }
        store.record(definition, stored.get().owner(), transition);
        return true;
    }

    /**
     * Called by a participant inside the transaction that records its answer to a saga command ({@code commandId} is
     * the command's idempotency key, {@code {saga}:{step}:do:{attempt}}): takes the step's timeout away, so the
     * answer and the timeout cannot both take effect. Whichever commits first wins; the loser changes nothing. When
     * the saga no longer waits for that attempt (the timeout fired, compensation started, a later attempt runs), this
     * throws {@link #LATE_ANSWER} and the participant's transaction must roll back: a late success then never
     * completes a saga that is being compensated. Answers to compensations ({@code undo}) claim nothing: they are
     * idempotent and always welcome.
     */
    public void claimAnswer(SagaDefinition<?> definition, String commandId) {
        CommandRef ref = CommandRef.parse(commandId);
        if (ref == null || !ref.forward()) {
            return;
        }
        int step = definition.indexOf(ref.step());
        if (step < 0 || !store.claimAnswer(definition, ref.sagaId(), step, ref.attempt())) {
            throw lateAnswer(ref);
        }
    }

    /** The code of the refusal {@link #claimAnswer} throws; {@link SagaSteps} notes it in the saga's timeline. */
    public static final String LATE_ANSWER = "saga-answer-too-late";

    private static Rejection lateAnswer(CommandRef ref) {
        return Rejection.conflict(LATE_ANSWER, "saga " + ref.sagaId() + " no longer waits for attempt " + ref.attempt()
                + " of " + ref.step());
    }

    /** A saga command id taken apart: {@code {sagaId}:{step}:do|undo:{attempt}} (see {@link SagaDecider}). */
    record CommandRef(String sagaId, String step, boolean forward, int attempt) {
        static CommandRef parse(String id) {
            if (id == null) {
                return null;
            }
            String[] tail = id.split(":");
            if (tail.length < 4 || !(tail[tail.length - 2].equals("do") || tail[tail.length - 2].equals("undo"))) {
                return null;
            }
            try {
                int attempt = Integer.parseInt(tail[tail.length - 1]);
                String step = tail[tail.length - 3];
                String sagaId = id.substring(0, id.length() - (step.length() + tail[tail.length - 2].length()
                        + tail[tail.length - 1].length() + 3));
                return new CommandRef(sagaId, step, tail[tail.length - 2].equals("do"), attempt);
            } catch (NumberFormatException e) {
                return null;
            }
        }
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
