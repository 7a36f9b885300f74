package io.tradecore.kernel.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A rebuild, repair or integrity check as operators see it: its phase ({@code starting}, {@code replaying},
 * {@code indexing}, {@code catching-up}, {@code swapping}, {@code comparing}, then {@code done}, {@code failed} or
 * {@code abandoned}), events applied of the total, the rate so far, and for a check the differences found.
 */
public record RunProgress(UUID runId, String projection, String kind, String phase, long eventsApplied,
                          long eventsTotal, double percent, double eventsPerSecond, Long differences, String error,
                          Instant startedAt, Instant updatedAt, Instant finishedAt) {

    /** What a run does. A repair is a rebuild that also resolves the projection's open integrity issues. */
    public enum Kind {
        REBUILD, REPAIR, CHECK;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static RunProgress of(UUID runId, String projection, Kind kind, String phase, long applied, long total,
                          Long differences, String error, Instant startedAt, Instant updatedAt, Instant finishedAt,
                          Instant now) {
        Instant until = finishedAt != null ? finishedAt : now;
        double seconds = Math.max(Duration.between(startedAt, until).toMillis(), 1) / 1000.0;
        double percent = total == 0 ? (finishedAt != null ? 100.0 : 0.0) : Math.min(100.0, 100.0 * applied / total);
        return new RunProgress(runId, projection, kind.label(), phase, applied, total,
                Math.round(percent * 10) / 10.0, Math.round(applied / seconds), differences, error, startedAt,
                updatedAt, finishedAt);
    }

    public boolean finished() {
        return finishedAt != null;
    }
}
