package io.tradecore.kernel.maintenance;

import io.tradecore.kernel.eventstore.EventCodec;
import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.eventstore.EventStore;
import io.tradecore.kernel.eventstore.ForeignEvents;
import io.tradecore.kernel.eventstore.RelayBatch;
import io.tradecore.kernel.eventstore.StoredEvent;
import io.tradecore.kernel.projection.Projection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays the event store into a projection's shadow tables: the projection's own {@code applyBatch}, run with the shadow
 * schema first on the search path, over the events it reads (decoded and upcast by the kernel's {@link EventCodec},
 * through the projection's foreign view if it has one), in commit order and so in version order per stream. Many
 * events go in one transaction, with their checkpoints written in one statement; the next batch is read and decoded
 * on another thread while one is applied.
 */
final class ShadowReplay<E> {

    /** Caps per stream (the live checkpoints of the batch's streams), or null for a replay without caps. */
    interface Caps {
        Map<String, Long> of(List<String> streamIds);
    }

    private record Batch(RelayBatch read, List<EventEnvelope<Object>> decoded) {
    }

    private final Projection<E> projection;
    private final Set<String> eventTypes;
    private final EventCodec codec;
    private final EventStore store;
    private final JdbcClient jdbc;
    private final ShadowTables shadow;
    private final int batchSize;
    private final Executor reader;
    private final LongConsumer progress;
    private final ReplayLedger ledger = new ReplayLedger();
    private String xid = "0";
    private long position = 0;

    ShadowReplay(Projection<E> projection, Set<String> eventTypes, EventCodec codec, EventStore store, JdbcClient jdbc,
                 ShadowTables shadow, int batchSize, Executor reader, LongConsumer progress) {
        this.projection = projection;
        this.eventTypes = eventTypes;
        this.codec = codec;
        this.store = store;
        this.jdbc = jdbc;
        this.shadow = shadow;
        this.batchSize = batchSize;
        this.reader = reader;
        this.progress = progress;
    }

    /**
     * Applies what has committed, one transaction per batch, until a read comes back short (caught up, as far as
     * one can while others append); returns how many events it applied.
     */
    long replayCommitted(TransactionTemplate transactions, Caps caps) {
        long total = 0;
        CompletableFuture<Batch> next = CompletableFuture.supplyAsync(() -> read(xid, position), reader);
        while (true) {
            Batch batch = next.join();
            if (batch.decoded().isEmpty()) {
                return total;
            }
            xid = batch.read().lastXid();
            position = batch.read().lastPosition();
            boolean more = batch.decoded().size() == batchSize;
            String fromXid = xid;
            long fromPosition = position;
            next = more ? CompletableFuture.supplyAsync(() -> read(fromXid, fromPosition), reader) : null;
            Long applied = transactions.execute(status -> {
                enterShadow();
                return apply(batch.decoded(), caps);
            });
            total += applied;
            progress.accept(applied);
            if (!more) {
                return total;
            }
        }
    }

    /** The same, inside the caller's transaction (the swap's, the check's): everything committed by now. */
    long replayRemaining(Caps caps) {
        enterShadow();
        long total = 0;
        while (true) {
            Batch batch = read(xid, position);
            if (batch.decoded().isEmpty()) {
                return total;
            }
            xid = batch.read().lastXid();
            position = batch.read().lastPosition();
            long applied = apply(batch.decoded(), caps);
            progress.accept(applied);
            total += applied;
        }
    }

    /**
     * Within the caller's transaction: applies each stream's events from the shadow's checkpoint up to the live
     * checkpoint, for every stream where live is ahead (the events an integrity check deferred, and those committed
     * after its replay). Afterwards the shadow stands exactly at the live checkpoints.
     */
    long catchUpToLive() {
        enterShadow();
        List<Map<String, Object>> behind = jdbc.sql("SELECT l.stream_id, COALESCE(s.version, 0) AS applied, l.version "
                        + "FROM " + ShadowTables.qualified(shadow.live(), "projection_checkpoints") + " l LEFT JOIN "
                        + ShadowTables.qualified(shadow.shadow(), "projection_checkpoints") + " s "
                        + "ON s.projection = l.projection AND s.stream_id = l.stream_id "
                        + "WHERE l.projection = ? AND l.version > COALESCE(s.version, 0)")
                .param(projection.name()).query().listOfRows();
        List<EventEnvelope<Object>> pending = new ArrayList<>();
        for (Map<String, Object> stream : behind) {
            store.readStored((String) stream.get("stream_id"), ((Number) stream.get("applied")).longValue(),
                    ((Number) stream.get("version")).longValue()).forEach(stored -> pending.add(decode(stored)));
        }
        pending.sort(java.util.Comparator.comparingLong(EventEnvelope::position));
        long applied = 0;
        for (int from = 0; from < pending.size(); from += batchSize) {
            applied += apply(pending.subList(from, Math.min(pending.size(), from + batchSize)), null);
        }
        progress.accept(applied);
        return applied;
    }

    /** After a rolled-back swap: the replay continues from what the shadow tables hold. */
    void resumeFrom(String xid, long position) {
        this.xid = xid;
        this.position = position;
        Map<String, ReplayLedger.Mark> stored = new HashMap<>();
        jdbc.sql("SELECT stream_id, version, position FROM "
                        + ShadowTables.qualified(shadow.shadow(), "projection_checkpoints") + " WHERE projection = ?")
                .param(projection.name())
                .query(rs -> {
                    stored.put(rs.getString(1), new ReplayLedger.Mark(rs.getLong(2), rs.getLong(3)));
                });
        ledger.reset(stored);
    }

    String xid() {
        return xid;
    }

    long position() {
        return position;
    }

    int deferredStreams() {
        return ledger.deferredStreams();
    }

    private void enterShadow() {
        jdbc.sql(shadow.searchPath()).update();
        // The shadow is thrown away if anything fails before the swap, whose own commit is synchronous.
        jdbc.sql("SET LOCAL synchronous_commit TO off").update();
    }

    @SuppressWarnings("unchecked")
    private long apply(List<EventEnvelope<Object>> events, Caps caps) {
        Map<String, Long> capped = caps == null ? null
                : caps.of(List.copyOf(new LinkedHashSet<>(events.stream().map(EventEnvelope::streamId).toList())));
        long applied = 0;
        List<EventEnvelope<E>> batch = new ArrayList<>(events.size());
        for (EventEnvelope<Object> event : events) {
            Long cap = capped == null ? null : capped.getOrDefault(event.streamId(), 0L);
            if (ledger.decide(event.streamId(), event.version(), cap) != ReplayLedger.Decision.APPLY) {
                continue;
            }
            if (projection.eventType().isInstance(event.payload())) {
                batch.add((EventEnvelope<E>) (EventEnvelope<?>) event);
            }
            ledger.applied(event.streamId(), event.version(), event.position());
            applied++;
        }
        if (!batch.isEmpty()) {
            projection.applyBatch(batch);
        }
        writeCheckpoints(ledger.drainUnflushed());
        return applied;
    }

    private void writeCheckpoints(Map<String, ReplayLedger.Mark> marks) {
        if (marks.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO " + ShadowTables.qualified(shadow.shadow(), "projection_checkpoints")
                        + """
                         (projection, stream_id, version, position)
                        SELECT ?, s, v, p FROM unnest(?::text[], ?::bigint[], ?::bigint[]) AS m(s, v, p)
                        ON CONFLICT (projection, stream_id) DO UPDATE SET version = EXCLUDED.version,
                                                                          position = EXCLUDED.position""")
                .params(projection.name(), marks.keySet().toArray(String[]::new),
                        marks.values().stream().map(ReplayLedger.Mark::version).toArray(Long[]::new),
                        marks.values().stream().map(ReplayLedger.Mark::position).toArray(Long[]::new))
                .update();
    }

    private Batch read(String afterXid, long afterPosition) {
        RelayBatch read = store.readCommitted(eventTypes, afterXid, afterPosition, batchSize);
        List<EventEnvelope<Object>> decoded = new ArrayList<>(read.events().size());
        read.events().forEach(stored -> decoded.add(decode(stored)));
        return new Batch(read, decoded);
    }

    private EventEnvelope<Object> decode(StoredEvent stored) {
        ForeignEvents<E> view = projection.foreignEvents();
        return view == null ? codec.decode(stored) : codec.decode(stored, view);
    }
}
