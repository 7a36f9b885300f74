package io.tradecore.kernel.eventstore;

import io.tradecore.kernel.domain.EventType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The PostgreSQL event store. {@link #append} joins the caller's transaction, so events, outbox position,
 * idempotency record and any set-wide claims commit or roll back together.
 *
 * <p>Ordering rule for callers: read the stream before the transaction's first write. The relay publishes in
 * transaction-id order, and PostgreSQL assigns a transaction id at its first write; a writer that has read
 * version n was therefore given its id after version n committed, which keeps per-stream order in commit order.
 */
public final class EventStore {

    private static final String COLUMNS = """
            global_position, event_id, stream_id, stream_type, version, event_type, schema_version,
            payload::text AS payload, occurred_at, correlation_id, causation_id, user_id""";

    private static final RowMapper<StoredEvent> STORED_EVENT = EventStore::storedEvent;

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final Supplier<UUID> eventIds;

    public EventStore(JdbcClient jdbc, EventCodec codec, Supplier<UUID> eventIds) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.eventIds = eventIds;
    }

    /**
     * Appends events to a stream that must be exactly at {@code expectedVersion} (0: the stream must not exist).
     *
     * @throws VersionConflict when another writer got there first, or the stream is not at that version
     */
    public AppendResult append(String streamType, String streamId, long expectedVersion, List<?> events,
                               EventMetadata metadata, Instant occurredAt) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("nothing to append");
        }
        StringBuilder sql = new StringBuilder("""
                INSERT INTO event_store_events (event_id, stream_id, stream_type, version, event_type, schema_version,
                                                payload, occurred_at, correlation_id, causation_id, user_id)
                SELECT v.* FROM (VALUES """);
        List<Object> params = new ArrayList<>(events.size() * 11 + 2);
        OffsetDateTime at = OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC);
        long version = expectedVersion;
        for (Object event : events) {
            EventType type = codec.typeOf(event);
            sql.append(version == expectedVersion ? "" : ", ")
                    .append("(?::uuid, ?, ?, ?::bigint, ?, ?::int, ?::jsonb, ?::timestamptz, ?::uuid, ?::uuid, ?)");
            params.addAll(List.of(eventIds.get(), streamId, streamType, ++version, type.name(), type.schemaVersion(),
                    codec.payloadJson(event), at));
            params.add(metadata.correlationId());
            params.add(metadata.causationId());
            params.add(metadata.userId());
        }
        // A stale-high expectation would leave a gap; the guard refuses it. A stale-low one meets the unique key.
        sql.append("""
                ) AS v WHERE ?::bigint = 0
                   OR EXISTS (SELECT 1 FROM event_store_events WHERE stream_id = ? AND version = ?::bigint)
                RETURNING global_position""");
        params.add(expectedVersion);
        params.add(streamId);
        params.add(expectedVersion);
        List<Long> positions;
        try {
            positions = jdbc.sql(sql.toString()).params(params).query(Long.class).list();
        } catch (DuplicateKeyException e) {
            throw new VersionConflict(streamId, expectedVersion);
        }
        if (positions.size() != events.size()) {
            throw new VersionConflict(streamId, expectedVersion);
        }
        return new AppendResult(streamId, version, positions.getLast());
    }

    /** The stream's events with {@code afterVersion < version <= upToVersion}, in order, decoded and upcast. */
    public List<EventEnvelope<Object>> readStream(String streamId, long afterVersion, long upToVersion) {
        return readStored(streamId, afterVersion, upToVersion).stream().map(codec::decode).toList();
    }

    /** The same events as {@link #readStream(String, long, long)}, as stored: for readers with their own view. */
    public List<StoredEvent> readStored(String streamId, long afterVersion, long upToVersion) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM event_store_events
                        WHERE stream_id = ? AND version > ? AND version <= ?
                        ORDER BY version""")
                .params(streamId, afterVersion, upToVersion)
                .query(STORED_EVENT).list();
    }

    /** The type names of the stream's events with {@code afterVersion < version <= upToVersion}, in version order. */
    public List<String> eventTypes(String streamId, long afterVersion, long upToVersion) {
        return jdbc.sql("SELECT event_type FROM event_store_events WHERE stream_id = ? AND version > ? AND version <= ? "
                        + "ORDER BY version")
                .params(streamId, afterVersion, upToVersion).query(String.class).list();
    }

    public List<EventEnvelope<Object>> readStream(String streamId, long afterVersion) {
        return readStream(streamId, afterVersion, Long.MAX_VALUE);
    }

    /**
     * Events after a relay checkpoint, in commit order, limited to transactions older than every transaction still
     * running: nothing can later commit below what this returns, so advancing past it never skips an event.
     */
    public RelayBatch readCommitted(String afterXid, long afterPosition, int limit) {
        List<String> xids = new ArrayList<>(limit);
        List<StoredEvent> events = jdbc.sql("SELECT transaction_id::text AS xid, " + COLUMNS + """
                         FROM event_store_events
                        WHERE (transaction_id, global_position) > (?::xid8, ?)
                          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
                        ORDER BY transaction_id, global_position
                        LIMIT ?""")
                .params(afterXid, afterPosition, limit)
                .query((rs, row) -> {
                    xids.add(rs.getString("xid"));
                    return storedEvent(rs, row);
                }).list();
        return events.isEmpty()
                ? new RelayBatch(List.of(), afterXid, afterPosition)
                : new RelayBatch(events, xids.getLast(), events.getLast().position());
    }

    /**
     * Like {@link #readCommitted(String, long, int)}, for the events of the given type names only: a replay's read
     * (rebuilds, integrity checks), in commit order and never past a transaction that may still commit below it.
     */
    public RelayBatch readCommitted(java.util.Collection<String> eventTypes, String afterXid, long afterPosition, int limit) {
        List<String> xids = new ArrayList<>(limit);
        List<StoredEvent> events = jdbc.sql("SELECT transaction_id::text AS xid, " + COLUMNS + """
                         FROM event_store_events
                        WHERE (transaction_id, global_position) > (?::xid8, ?)
                          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
                          AND event_type = ANY(?)
                        ORDER BY transaction_id, global_position
                        LIMIT ?""")
                .params(afterXid, afterPosition, eventTypes.toArray(String[]::new), limit)
                .query((rs, row) -> {
                    xids.add(rs.getString("xid"));
                    return storedEvent(rs, row);
                }).list();
        return events.isEmpty()
                ? new RelayBatch(List.of(), afterXid, afterPosition)
                : new RelayBatch(events, xids.getLast(), events.getLast().position());
    }

    /** The last event of each of the streams, for readers that act on a stream's newest state (cache eviction). */
    public List<StoredEvent> readLatest(java.util.Collection<String> streamIds) {
        return jdbc.sql("SELECT DISTINCT ON (stream_id) " + COLUMNS
                        + " FROM event_store_events WHERE stream_id = ANY(?) ORDER BY stream_id, version DESC")
                .params((Object) streamIds.toArray(String[]::new)).query(STORED_EVENT).list();
    }

    /** All events after a global position, for replays and rebuilds (position order, not commit order). */
    public List<StoredEvent> readAll(long afterPosition, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event_store_events WHERE global_position > ? ORDER BY global_position LIMIT ?")
                .params(afterPosition, limit).query(STORED_EVENT).list();
    }

    public Optional<Snapshot> snapshot(String streamId) {
        return jdbc.sql("""
                        SELECT stream_id, version, state_type, schema_version, state::text AS state
                          FROM event_store_snapshots WHERE stream_id = ?""")
                .param(streamId)
                .query((rs, row) -> new Snapshot(rs.getString("stream_id"), rs.getLong("version"),
                        rs.getString("state_type"), rs.getInt("schema_version"), rs.getString("state")))
                .optional();
    }

    /** Keeps the newest snapshot; an older one arriving late changes nothing. */
    public void saveSnapshot(Snapshot snapshot) {
        jdbc.sql("""
                        INSERT INTO event_store_snapshots (stream_id, version, state_type, schema_version, state)
                        VALUES (?, ?, ?, ?, ?::jsonb)
                        ON CONFLICT (stream_id) DO UPDATE
                           SET version = EXCLUDED.version, state_type = EXCLUDED.state_type,
                               schema_version = EXCLUDED.schema_version, state = EXCLUDED.state, taken_at = now()
                         WHERE event_store_snapshots.version < EXCLUDED.version""")
                .params(snapshot.streamId(), snapshot.version(), snapshot.stateType(), snapshot.schemaVersion(),
                        snapshot.stateJson())
                .update();
    }

    private static StoredEvent storedEvent(ResultSet rs, int row) throws SQLException {
        String correlation = rs.getString("correlation_id");
        String causation = rs.getString("causation_id");
        return new StoredEvent(
                rs.getObject("event_id", UUID.class),
                rs.getString("stream_id"),
                rs.getString("stream_type"),
                rs.getLong("version"),
                rs.getLong("global_position"),
                rs.getString("event_type"),
                rs.getInt("schema_version"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                new EventMetadata(correlation == null ? null : UUID.fromString(correlation),
                        causation == null ? null : UUID.fromString(causation), rs.getString("user_id")),
                rs.getString("payload"));
    }
}
