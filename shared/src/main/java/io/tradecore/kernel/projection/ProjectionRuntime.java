package io.tradecore.kernel.projection;

import io.tradecore.kernel.eventstore.EventCodec;
import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.eventstore.EventStore;
import io.tradecore.kernel.eventstore.ForeignEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs projections over batches of deliveries. A batch is applied in one transaction; if that fails, each stream
 * is tried in a transaction of its own (a few times; after a deadlock or serialization failure, again after a
 * jittered back-off), so one bad stream does not hold back the others. A stream that still fails is parked: its
 * events go to {@link ParkedEvents} by reference, later events of that stream join them (order is kept), and an
 * operator retries once the cause is fixed. Only when parking itself fails (the
 * database is down) does the failure go back to the transport for redelivery; what already committed is then
 * skipped by its checkpoint.
 */
public final class ProjectionRuntime {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRuntime.class);
    /** Retries of a stream after transient failures, on top of {@code streamAttempts}: about 5 s of back-off. */
    private static final int TRANSIENT_RETRIES = 10;

    private final EventCodec codec;
    private final EventStore store;
    private final Checkpoints checkpoints;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ParkedEvents parked;
    private final int streamAttempts;

    public ProjectionRuntime(EventCodec codec, EventStore store, Checkpoints checkpoints, TransactionTemplate transactions,
                             MeterRegistry meters, Clock clock, ParkedEvents parked, int streamAttempts) {
        this.parked = parked;
        this.streamAttempts = streamAttempts;
        this.codec = codec;
        this.store = store;
        this.checkpoints = checkpoints;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * The projector function for a batch of Kafka record values as the relay wrote them (a binder batch, or a
     * Lambda event-source batch). A record that cannot be decoded (an event type this deployment does not know
     * yet) parks its stream by reference, like a record that cannot be applied.
     */
    public <E> Consumer<List<byte[]>> consumer(Projection<E> projection) {
        ForeignEvents<E> view = projection.foreignEvents();
        return records -> {
            List<EventEnvelope<Object>> decoded = new ArrayList<>(records.size());
            for (byte[] record : records) {
                try {
                    decoded.add(codec.fromMessage(record, view, projection.ownEvents()));
                } catch (RuntimeException undecodable) {
                    parkUndecodable(projection, record, undecodable);
                }
            }
            handle(projection, decoded);
        };
    }

    private void parkUndecodable(Projection<?> projection, byte[] record, RuntimeException cause) {
        EventCodec.Reference reference = codec.referenceOf(record);
        if (reference == null) {
            log.error("projection {}: skipping a record that is not an event envelope", projection.name(), cause);
            return;
        }
        log.error("projection {}: parking stream {} at version {}: cannot decode", projection.name(),
                reference.streamId(), reference.version(), cause);
        transactions.executeWithoutResult(status -> {
            checkpoints.joinWriters(projection.name());
            parked.parkReference(projection.name(), reference, cause);
        });
    }

    public <E> void handle(Projection<E> projection, List<EventEnvelope<Object>> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        Map<String, List<EventEnvelope<Object>>> byStream = new LinkedHashMap<>();
        for (EventEnvelope<Object> event : deliveries) {
            byStream.computeIfAbsent(event.streamId(), id -> new ArrayList<>()).add(event);
        }
        // A stream with nothing this projection takes in the batch costs nothing: no transaction, no checkpoint.
        // Its checkpoint catches up when an event it takes arrives (the store fills the gap), and ConsistencyWaiter
        // counts events it does not take past a checkpoint as applied.
        byStream.values().removeIf(stream -> stream.stream().noneMatch(event -> takes(projection, event)));
        if (byStream.isEmpty()) {
            return;
        }
        try {
            committed(projection, transactions.execute(status -> applyAll(projection, byStream.values())));
        } catch (RuntimeException batchFailure) {
            log.warn("projection {}: batch of {} failed, retrying stream by stream: {}", projection.name(),
                    deliveries.size(), batchFailure.toString());
            byStream.values().forEach(stream -> applyOrPark(projection, stream));
        }
    }

    private <E> void applyOrPark(Projection<E> projection, List<EventEnvelope<Object>> stream) {
        RuntimeException failure = null;
        int attempts = 0;
        int transientRetries = 0;
        while (attempts < streamAttempts) {
            try {
                committed(projection, transactions.execute(status -> applyAll(projection, List.of(stream))));
                return;
            } catch (RuntimeException e) {
                failure = e;
                if (isTransient(e) && transientRetries < TRANSIENT_RETRIES) {
                    // A deadlock or serialization failure against another consumer's transaction is no fault of the
                    // stream: wait a little (jittered, so the two do not meet again) and retry, uncounted.
                    if (!backOff(++transientRetries)) {
                        break;
                    }
                } else {
                    attempts++;
                }
            }
        }
        String streamId = stream.getFirst().streamId();
        log.error("projection {}: parking stream {} from version {}", projection.name(), streamId,
                stream.getFirst().version(), failure);
        RuntimeException cause = failure;
        transactions.executeWithoutResult(status -> {
            checkpoints.joinWriters(projection.name());
            parked.park(projection.name(), stream, cause);
        });
    }

    /** Deadlock, lock or serialization failures: the database gave way to another transaction, not to this stream. */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("40P01") || sql.getSQLState().equals("40001"))) {
                return true;
            }
        }
        return false;
    }

    /** Sleeps 10·2^(retry-1) to twice that many milliseconds, at most a second; false if interrupted. */
    private static boolean backOff(int retry) {
        long base = Math.min(1_000, 10L << Math.min(retry - 1, 10));
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base + 1));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Applies a stream's parked events again, from its checkpoint on, and releases them; the operator's retry.
     * Throws (and keeps them parked) if the stream still fails.
     */
    public <E> int retryParked(Projection<E> projection, String streamId) {
        List<EventEnvelope<E>> applied = transactions.execute(status -> {
            checkpoints.joinWriters(projection.name());
            parked.release(projection.name(), streamId);
            long from = checkpoints.lockAndRead(projection.name(), streamId).version();
            List<EventEnvelope<Object>> pending = read(projection, streamId, from, Long.MAX_VALUE);
            List<EventEnvelope<E>> done = new ArrayList<>();
            if (!pending.isEmpty()) {
                applyStream(projection, pending, done);
            }
            return done;
        });
        committed(projection, applied);
        return applied.size();
    }

    /**
     * Records, per applied event, the lag from its append to its read-model commit ({@code tradecore.projection.lag},
     * p50 and p99 published), then lets the projection act on the committed change.
     */
    private <E> void committed(Projection<E> projection, List<EventEnvelope<E>> applied) {
        Timer lag = Timer.builder("tradecore.projection.lag").tag("projection", projection.name())
                .publishPercentiles(0.5, 0.99).distributionStatisticExpiry(Duration.ofMinutes(1))
                .register(meters);
        var now = clock.instant();
        applied.forEach(event -> lag.record(Duration.between(event.occurredAt(), now)));
        projection.afterCommit(applied);
    }

    private <E> List<EventEnvelope<E>> applyAll(Projection<E> projection, Iterable<List<EventEnvelope<Object>>> streams) {
        checkpoints.joinWriters(projection.name());
        List<EventEnvelope<E>> applied = new ArrayList<>();
        for (List<EventEnvelope<Object>> stream : streams) {
            applyStream(projection, stream, applied);
        }
        return applied;
    }

    private <E> void applyStream(Projection<E> projection, List<EventEnvelope<Object>> deliveries,
                                 List<EventEnvelope<E>> applied) {
        String streamId = deliveries.getFirst().streamId();
        Checkpoints.Checkpoint current = checkpoints.lockAndRead(projection.name(), streamId);
        if (current.parked()) {
            // Order is kept: nothing of this stream is applied past a parked event.
            parked.park(projection.name(), deliveries.stream().filter(e -> e.version() > current.version()).toList(),
                    new IllegalStateException("an earlier event of this stream is parked"));
            return;
        }
        long checkpoint = current.version();
        long start = checkpoint;
        long position = 0;
        List<EventEnvelope<Object>> ordered = new ArrayList<>(deliveries);
        ordered.sort(Comparator.comparingLong(EventEnvelope::version));
        for (EventEnvelope<Object> event : ordered) {
            if (event.version() <= checkpoint) {
                continue; // seen before: at-least-once delivery, exactly-once effect
            }
            if (event.version() > checkpoint + 1) {
                // A gap: earlier events were lost in transit or are still on their way. The store has them.
                for (EventEnvelope<Object> missing : read(projection, streamId, checkpoint, event.version() - 1)) {
                    applyOne(projection, missing, applied);
                }
            }
            applyOne(projection, event, applied);
            checkpoint = event.version();
            position = event.position();
        }
        if (checkpoint != start) {
            checkpoints.advance(projection.name(), streamId, checkpoint, position);
        }
    }

    /**
     * Events from the store, decoded the way the projection reads its deliveries ({@link #consumer}): what it does not
     * take is passed over unread, so a gap filled from the store reaches {@link Projection#apply} as Kafka would.
     */
    private List<EventEnvelope<Object>> read(Projection<?> projection, String streamId, long after, long upTo) {
        ForeignEvents<?> view = projection.foreignEvents();
        return store.readStored(streamId, after, upTo).stream()
                .map(stored -> codec.decode(stored, view, projection.ownEvents())).toList();
    }

    private static boolean takes(Projection<?> projection, EventEnvelope<Object> event) {
        return !(event.payload() instanceof ForeignEvents.Unread) && projection.eventType().isInstance(event.payload());
    }

    /** Which event type names {@code projection} takes: what its deliveries decode to, as a predicate on names. */
    public Predicate<String> takenTypes(Projection<?> projection) {
        return type -> codec.takes(type, projection.foreignEvents(), projection.ownEvents());
    }

    @SuppressWarnings("unchecked")
    private <E> void applyOne(Projection<E> projection, EventEnvelope<Object> event, List<EventEnvelope<E>> applied) {
        if (takes(projection, event)) {
            EventEnvelope<E> typed = (EventEnvelope<E>) (EventEnvelope<?>) event;
            projection.apply(typed);
            applied.add(typed);
        }
    }
}
