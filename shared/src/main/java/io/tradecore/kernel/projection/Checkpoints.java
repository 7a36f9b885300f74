package io.tradecore.kernel.projection;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Per projection and stream, the last version applied. */
public final class Checkpoints {

    private final JdbcClient jdbc;

    public Checkpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
