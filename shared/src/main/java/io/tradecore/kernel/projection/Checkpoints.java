package io.tradecore.kernel.projection;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Per projection and stream, the last version applied. */
public final class Checkpoints {

    private final JdbcClient jdbc;

    public Checkpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Joins the projection's writers for the rest of the transaction: any number of them at once, but none while a
     * rebuild swaps the projection's tables and checkpoints ({@link #excludeWriters}). Call before the first write.
     */
    void joinWriters(String projection) {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(hashtextextended(current_schema() || ?, 0))").param(writersKey(projection)).query().listOfRows();
    }

    /**
     * Waits until no transaction of the projection's writers runs and keeps new ones waiting until the current
     * transaction ends: the projection's read model and checkpoints stand still. Call before changing the search path.
     */
    public void excludeWriters(String projection) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || ?, 0))").param(writersKey(projection)).query().listOfRows();
    }

    private static String writersKey(String projection) {
        return ":tradecore.projection-writers:" + projection;
    }

    /** A stream's checkpoint: the last version applied, and whether the stream has parked events. */
    record Checkpoint(long version, boolean parked) {
    }

    /** The stream's checkpoint, locked until the current transaction ends so two deliveries cannot interleave. */
    Checkpoint lockAndRead(String projection, String streamId) {
        return jdbc.sql("""
                        INSERT INTO projection_checkpoints (projection, stream_id, version, position) VALUES (?, ?, 0, 0)
                        ON CONFLICT (projection, stream_id) DO UPDATE SET version = projection_checkpoints.version
                        RETURNING version, parked""")
                .params(projection, streamId).query((rs, row) -> new Checkpoint(rs.getLong(1), rs.getBoolean(2))).single();
    }

    void markParked(String projection, String streamId, boolean parked) {
        jdbc.sql("""
                        INSERT INTO projection_checkpoints (projection, stream_id, version, position, parked) VALUES (?, ?, 0, 0, ?)
                        ON CONFLICT (projection, stream_id) DO UPDATE SET parked = EXCLUDED.parked""")
                .params(projection, streamId, parked).update();
    }

    void advance(String projection, String streamId, long version, long position) {
        jdbc.sql("UPDATE projection_checkpoints SET version = ?, position = ? WHERE projection = ? AND stream_id = ?")
                .params(version, position, projection, streamId).update();
    }

    public long version(String projection, String streamId) {
        return jdbc.sql("SELECT version FROM projection_checkpoints WHERE projection = ? AND stream_id = ?")
                .params(projection, streamId).query(Long.class).optional().orElse(0L);
    }
}
