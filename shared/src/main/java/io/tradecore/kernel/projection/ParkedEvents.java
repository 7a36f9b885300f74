package io.tradecore.kernel.projection;

import io.tradecore.kernel.eventstore.EventCodec;
import io.tradecore.kernel.eventstore.EventEnvelope;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a projection sets aside a stream it cannot apply, so that one bad event neither blocks the other streams
 * nor disappears. Operators list them and retry once the cause is fixed.
 */
public final class ParkedEvents {

    /** One parked event, as operators see it. */
    public record Parked(String projection, String streamId, long version, long position, String eventType,
                         String reason, Instant parkedAt) {
    }

    private final JdbcClient jdbc;
    private final Checkpoints checkpoints;

    public ParkedEvents(JdbcClient jdbc, Checkpoints checkpoints) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
    }

    /** Parks events of one stream: the stream is flagged once, each event is recorded. */
    void park(String projection, List<? extends EventEnvelope<?>> events, Throwable cause) {
        if (events.isEmpty()) {
            return;
        }
        checkpoints.markParked(projection, events.getFirst().streamId(), true);
        events.forEach(event -> record(projection, new EventCodec.Reference(event.streamId(), event.version(),
                event.position(), event.type().name()), cause));
    }

    /** Parks one event by its place in the store (a delivery that could not be decoded, or a policy's event). */
    public void parkReference(String projection, EventCodec.Reference event, Throwable cause) {
        checkpoints.markParked(projection, event.streamId(), true);
        record(projection, event, cause);
    }

    private void record(String projection, EventCodec.Reference event, Throwable cause) {
        String reason = String.valueOf(cause);
        jdbc.sql("""
                        INSERT INTO parked_events (projection, stream_id, version, position, event_type, reason)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(projection, event.streamId(), event.version(), event.position(), event.eventType(),
                        reason.substring(0, Math.min(1000, reason.length())))
                .update();
    }

    void release(String projection, String streamId) {
        jdbc.sql("DELETE FROM parked_events WHERE projection = ? AND stream_id = ?").params(projection, streamId).update();
        checkpoints.markParked(projection, streamId, false);
    }

    /** Which of {@code streamIds} have parked events under {@code projection}. */
    public List<String> parkedAmong(String projection, List<String> streamIds) {
        if (streamIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT stream_id FROM projection_checkpoints
                         WHERE projection = ? AND parked AND stream_id = ANY(?)""")
                .params(projection, streamIds.toArray(String[]::new)).query(String.class).list();
    }

    /** The parked versions of one stream, in order. */
    public List<Long> parkedVersions(String projection, String streamId) {
        return jdbc.sql("SELECT version FROM parked_events WHERE projection = ? AND stream_id = ? ORDER BY version")
                .params(projection, streamId).query(Long.class).list();
    }

    public void releaseVersion(String projection, String streamId, long version) {
        jdbc.sql("DELETE FROM parked_events WHERE projection = ? AND stream_id = ? AND version = ?")
                .params(projection, streamId, version).update();
    }

    /** Clears the stream's flag once none of its events is parked any more. */
    public void releaseIfEmpty(String projection, String streamId) {
        if (parkedVersions(projection, streamId).isEmpty()) {
            checkpoints.markParked(projection, streamId, false);
        }
    }

    public List<Parked> list(int limit) {
        return jdbc.sql("""
                        SELECT projection, stream_id, version, position, event_type, reason, parked_at
                          FROM parked_events ORDER BY parked_at, projection, stream_id, version LIMIT ?""")
                .param(limit)
                .query((rs, row) -> new Parked(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }
}
