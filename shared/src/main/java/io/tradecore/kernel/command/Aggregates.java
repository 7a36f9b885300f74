package io.tradecore.kernel.command;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tradecore.kernel.domain.Aggregate;
import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.eventstore.EventMetadata;
import io.tradecore.kernel.eventstore.EventStore;
import io.tradecore.kernel.eventstore.Snapshot;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads aggregates from the event store and makes command handlers for them. Loading starts from the newest
 * known state: a recently committed state kept in this process, else the newest usable snapshot, else the
 * stream's start; then it folds the newer events from the store. Either starting point is only a shortcut:
 * the append still checks the version, and a state that lost a race is dropped.
 */
public final class Aggregates {

    private static final Logger log = LoggerFactory.getLogger(Aggregates.class);

    private final EventStore store;
    private final IdempotencyStore idempotency;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final int maxAttempts;
    private final Cache<String, Loaded<?>> recent;
    /**
     * Writer locks, striped: 16,384, so that the locks command batches hold (a batch's streams, per consumer thread)
     * rarely stand in for an unrelated stream's; a batch that finds one taken gives up ({@link CommandBatch}).
     */
    private final ReentrantLock[] writers = new ReentrantLock[16_384];

    public Aggregates(EventStore store, IdempotencyStore idempotency, TransactionTemplate transactions, JsonMapper json,
                      Clock clock, int maxAttempts, int recentStates) {
        this.recent = Caffeine.newBuilder().maximumSize(recentStates).build();
        Arrays.setAll(writers, i -> new ReentrantLock());
        this.store = store;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /** A command function for {@code aggregate}; {@code streamId} picks the stream a command addresses. */
    public <C, S, E> CommandHandler<C, S, E> handler(Aggregate<C, S, E> aggregate, Function<? super C, String> streamId) {
        return new CommandHandler<>(this, aggregate, streamId, idempotency, transactions, maxAttempts);
    }

    public <S> Loaded<S> load(Aggregate<?, S, ?> aggregate, String streamId) {
        return load(aggregate, streamId, true);
    }

    /**
     * Rehydrates a stream. {@code shortcuts} allows starting from a recent in-process state or a snapshot;
     * without it every event is folded from version 1 (for measurements and checks).
     */
    public <S> Loaded<S> load(Aggregate<?, S, ?> aggregate, String streamId, boolean shortcuts) {
        Loaded<S> start = shortcuts ? recent(aggregate, streamId) : null;
        if (start == null && shortcuts && aggregate.snapshotEvery() > 0) {
            start = store.snapshot(streamId).map(s -> restore(aggregate, s)).orElse(null);
        }
        if (start == null) {
            start = new Loaded<>(streamId, 0, aggregate.decider().initialState());
        }
        List<EventEnvelope<Object>> newer = store.readStream(streamId, start.version());
        S state = start.state();
        for (EventEnvelope<Object> event : newer) {
            state = evolve(aggregate, state, event.payload());
        }
        long version = newer.isEmpty() ? start.version() : newer.getLast().version();
        return new Loaded<>(streamId, version, state);
    }

    /**
     * The lock that lines up this process's writers of one stream (striped: unrelated streams rarely share one).
     * Writers in one process then queue instead of racing and retrying; writers in other processes are still
     * caught by the version check. Held across a whole command, never nested, so it cannot deadlock.
     */
    ReentrantLock writerLock(String streamId) {
        return writers[Math.floorMod(streamId.hashCode(), writers.length)];
    }

    /** Only committed states are remembered; call after the transaction that produced {@code state} committed. */
    void remember(Loaded<?> state) {
        recent.asMap().merge(state.streamId(), state, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
    }

    /** A state that lost a race (or whose transaction rolled back) must not be a starting point again. */
    void forget(String streamId) {
        recent.invalidate(streamId);
    }

    private <S> Loaded<S> recent(Aggregate<?, S, ?> aggregate, String streamId) {
        Loaded<?> cached = recent.getIfPresent(streamId);
        return cached != null && aggregate.stateType().isInstance(cached.state())
                ? new Loaded<>(streamId, cached.version(), aggregate.stateType().cast(cached.state()))
                : null;
    }

    <C, S, E> AppendOutcome<S> append(Aggregate<C, S, E> aggregate, Loaded<S> loaded, List<E> events,
                                      EventMetadata metadata) {
        var result = store.append(aggregate.streamType(), loaded.streamId(), loaded.version(), events, metadata,
                clock.instant());
        S after = aggregate.decider().fold(loaded.state(), events);
        int every = aggregate.snapshotEvery();
        if (every > 0 && result.version() / every > loaded.version() / every) {
            store.saveSnapshot(new Snapshot(loaded.streamId(), result.version(), after.getClass().getName(),
                    aggregate.snapshotSchema(), json.writeValueAsString(after)));
        }
        return new AppendOutcome<>(result.version(), result.position(), after);
    }

    record AppendOutcome<S>(long version, long position, S state) {
    }

    @SuppressWarnings("unchecked")
    private static <S, E> S evolve(Aggregate<?, S, E> aggregate, S state, Object event) {
        return aggregate.decider().evolve().apply(state, (E) aggregate.events().root().cast(event));
    }

    private <S> Loaded<S> restore(Aggregate<?, S, ?> aggregate, Snapshot snapshot) {
        if (snapshot.schemaVersion() != aggregate.snapshotSchema()) {
            return null;
        }
        try {
            Class<?> type = Class.forName(snapshot.stateType(), false, aggregate.stateType().getClassLoader());
            S state = aggregate.stateType().cast(json.readValue(snapshot.stateJson(), type));
            return new Loaded<>(snapshot.streamId(), snapshot.version(), state);
        } catch (ClassNotFoundException | ClassCastException | tools.jackson.core.JacksonException e) {
            log.warn("ignoring unreadable snapshot of stream {} at version {}: {}", snapshot.streamId(),
                    snapshot.version(), e.toString());
            return null;
        }
    }
}
