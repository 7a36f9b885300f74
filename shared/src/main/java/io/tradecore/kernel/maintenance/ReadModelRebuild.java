package io.tradecore.kernel.maintenance;

import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.eventstore.ForeignEvents;
import io.tradecore.kernel.eventstore.StoredEvent;
import io.tradecore.kernel.projection.Projection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One rebuild: replay into the shadow tables (secondary indexes after the bulk), catch up, then swap in one
 * transaction that (1) keeps the projection's writers out, so the live checkpoints stand still, (2) applies the last
 * events to the shadow, (3) makes the live checkpoints exactly the shadow's and releases the projection's parked
 * streams (their events are in the replay), (4) waits briefly for running queries and swaps the tables. Events
 * committed after that are delivered to the projector as usual and applied on top of the new checkpoints. A swap
 * that cannot get the table locks within the lock timeout rolls back (queries go on) and is tried again.
 */
final class ReadModelRebuild<E> {

    private static final int SWAP_ATTEMPTS = 5;

    private final Projection<E> projection;
    private final ReadModelMaintenance.Tools tools;
    private final ShadowTables shadow;
    private final ReadModelMaintenance.ProgressLog progress;
    private final UUID runId;
    private final boolean repair;
    private final ShadowReplay<E> replay;

    ReadModelRebuild(Projection<E> projection, ReadModelMaintenance.Tools tools, ShadowTables shadow, Set<String> types,
                     ReadModelMaintenance.ProgressLog progress, UUID runId, boolean repair) {
        this.projection = projection;
        this.tools = tools;
        this.shadow = shadow;
        this.progress = progress;
        this.runId = runId;
        this.repair = repair;
        this.replay = new ShadowReplay<>(projection, types, tools.codec(), tools.store(), tools.jdbc(), shadow,
                tools.batchSize(), tools.reader(), progress);
    }

    void run() {
        progress.phase("replaying");
        replay.replayCommitted(tools.transactions(), null);
        progress.phase("indexing");
        tools.transactions().executeWithoutResult(status -> shadow.addIndexes(tools.jdbc()));
        progress.phase("catching-up");
        replay.replayCommitted(tools.transactions(), null);
        swap();
        progress.phase("evicting-caches");
        evictCaches();
    }

    private void swap() {
        for (int attempt = 1; ; attempt++) {
            progress.phase(attempt == 1 ? "swapping" : "swapping, attempt " + attempt);
            String xid = replay.xid();
            long position = replay.position();
            try {
                tools.transactions().executeWithoutResult(status -> {
                    tools.checkpoints().excludeWriters(projection.name());
                    replay.replayRemaining(null);
                    tools.jdbc().sql("SET LOCAL search_path TO " + ShadowTables.ident(shadow.live())).update();
                    takeCheckpoints();
                    if (repair) {
                        tools.issues().resolveAll(projection.name(), "repair:" + runId);
                    }
                    shadow.swap(tools.jdbc(), tools.lockTimeout());
                });
                return;
            } catch (RuntimeException failure) {
                if (!ReadModelMaintenance.lockTimedOut(failure) || attempt == SWAP_ATTEMPTS) {
                    throw failure;
                }
                replay.resumeFrom(xid, position);
            }
        }
    }

    /** The live checkpoints become the shadow's: the swapped tables hold exactly what those say was applied. */
    private void takeCheckpoints() {
        String live = ShadowTables.qualified(shadow.live(), "projection_checkpoints");
        String copy = ShadowTables.qualified(shadow.shadow(), "projection_checkpoints");
        tools.jdbc().sql("DELETE FROM " + live + " l WHERE l.projection = :p AND NOT EXISTS (SELECT 1 FROM " + copy
                + " s WHERE s.projection = l.projection AND s.stream_id = l.stream_id)")
                .param("p", projection.name()).update();
        tools.jdbc().sql("INSERT INTO " + live + " (projection, stream_id, version, position, parked) "
                + "SELECT projection, stream_id, version, position, FALSE FROM " + copy + " WHERE projection = :p "
                + "ON CONFLICT (projection, stream_id) DO UPDATE SET version = EXCLUDED.version, "
                + "position = EXCLUDED.position, parked = FALSE "
                + "WHERE (projection_checkpoints.version, projection_checkpoints.position, projection_checkpoints.parked)"
                + " IS DISTINCT FROM (EXCLUDED.version, EXCLUDED.position, FALSE)")
                .param("p", projection.name()).update();
        tools.jdbc().sql("DELETE FROM parked_events WHERE projection = :p").param("p", projection.name()).update();
    }

    /**
     * Drops the caches built from the replaced rows (a rebuilt row may differ: that is what a repair is for): at once,
     * if the projection can ({@link Projection#evictAllCached}), else by its {@code afterCommit} for the newest event
     * of every stream it holds.
     */
    @SuppressWarnings("unchecked")
    private void evictCaches() {
        if (projection.evictAllCached()) {
            return;
        }
        List<String> streams = tools.jdbc().sql("SELECT stream_id FROM projection_checkpoints WHERE projection = ? "
                        + "ORDER BY stream_id").param(projection.name()).query(String.class).list();
        ForeignEvents<E> view = projection.foreignEvents();
        Set<String> decodable = tools.codec().typeNamesOf(Object.class);
        for (List<String> chunk : ReadModelMaintenance.chunks(streams, 1000)) {
            List<EventEnvelope<E>> latest = new ArrayList<>();
            for (StoredEvent stored : tools.store().readLatest(chunk)) {
                if (!decodable.contains(stored.eventType()) && view == null) {
                    continue; // a type this process cannot decode has nothing cached here
                }
                EventEnvelope<Object> event = view == null ? tools.codec().decode(stored) : tools.codec().decode(stored, view);
                if (projection.eventType().isInstance(event.payload())) {
                    latest.add((EventEnvelope<E>) (EventEnvelope<?>) event);
                }
            }
            projection.afterCommit(latest);
        }
    }
}
