package io.tradecore.kernel.maintenance;

import io.tradecore.kernel.domain.Rejection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code read_model_maintenance} table: one row per rebuild, repair or check, with its phase and counts, so that
 * any process (another Lambda, another node) can report a run's progress. At most one run per projection is
 * unfinished; a run whose process died stops counting as running once it has not moved for {@link #ABANDONED}.
 */
final class MaintenanceRuns {

    static final Duration ABANDONED = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Clock clock;

    MaintenanceRuns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Registers a run; 409 while another run of the projection is unfinished. */
    RunProgress start(UUID runId, String projection, RunProgress.Kind kind, String requestedBy) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        UPDATE read_model_maintenance SET finished_at = :now, phase = 'abandoned',
                               error = 'no progress for ' || :abandoned
                         WHERE projection = :projection AND finished_at IS NULL AND updated_at < :stale""")
                .param("now", now).param("abandoned", ABANDONED.toString()).param("projection", projection)
                .param("stale", Timestamp.from(clock.instant().minus(ABANDONED))).update();
        try {
            jdbc.sql("""
                            INSERT INTO read_model_maintenance (run_id, projection, kind, phase, requested_by, started_at,
                                                                updated_at)
                            VALUES (:id, :projection, :kind, 'starting', :by, :now, :now)""")
                    .param("id", runId).param("projection", projection).param("kind", kind.label())
                    .param("by", requestedBy).param("now", now).update();
        } catch (DuplicateKeyException running) {
            throw Rejection.conflict("maintenance-running", "a rebuild, repair or check of " + projection
                    + " is running; see its progress");
        }
        return get(runId).orElseThrow();
    }

    void phase(UUID runId, String phase, Long total) {
        jdbc.sql("""
                        UPDATE read_model_maintenance SET phase = :phase, updated_at = :now,
                               events_total = COALESCE(CAST(:total AS BIGINT), events_total) WHERE run_id = :id""")
                .param("phase", phase).param("now", Timestamp.from(clock.instant())).param("total", total)
                .param("id", runId).update();
    }

    void applied(UUID runId, long events) {
        jdbc.sql("""
                        UPDATE read_model_maintenance SET events_applied = events_applied + :events, updated_at = :now,
                               events_total = GREATEST(events_total, events_applied + :events)
                         WHERE run_id = :id""")
                .param("events", events).param("now", Timestamp.from(clock.instant())).param("id", runId).update();
    }

    void finish(UUID runId, String phase, Long differences, String error) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        UPDATE read_model_maintenance SET phase = :phase, differences = :differences, error = :error,
                               updated_at = :now, finished_at = :now WHERE run_id = :id""")
                .param("phase", phase).param("differences", differences)
                .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 2000)))
                .param("now", now).param("id", runId).update();
    }

    Optional<RunProgress> get(UUID runId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        SELECT run_id, projection, kind, phase, events_applied, events_total, differences, error,
                               started_at, updated_at, finished_at FROM read_model_maintenance WHERE run_id = ?""")
                .param(runId)
                .query((rs, row) -> RunProgress.of(rs.getObject(1, UUID.class), rs.getString(2),
                        RunProgress.Kind.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT)), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), (Long) rs.getObject(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant(),
                        rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(), now))
                .optional();
    }
}
