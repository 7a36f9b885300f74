package io.tradecore.kernel.command;

import io.tradecore.kernel.domain.Aggregate;
import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.eventstore.EventMetadata;
import io.tradecore.kernel.eventstore.EventStore;
import io.tradecore.kernel.eventstore.Snapshot;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads aggregates from the event store and makes command handlers for them. Loading starts from the newest
 * usable snapshot and folds the newer events; a snapshot that no longer reads (changed state shape) is ignored.
 */
public final class Aggregates {

    private static final Logger log = LoggerFactory.getLogger(Aggregates.class);

    private final EventStore store;
    private final IdempotencyStore idempotency;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final int maxAttempts;

    public Aggregates(EventStore store, IdempotencyStore idempotency, TransactionTemplate transactions, JsonMapper json,
                      Clock clock, int maxAttempts) {
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

    public <S> Loaded<S> load(Aggregate<?, S, ?> aggregate, String streamId, boolean fromSnapshot) {
        Loaded<S> start = fromSnapshot && aggregate.snapshotEvery() > 0
                ? store.snapshot(streamId).map(s -> restore(aggregate, s)).orElse(null)
                : null;
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
