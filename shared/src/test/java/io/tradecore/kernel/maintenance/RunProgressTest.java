package io.tradecore.kernel.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void a_running_rebuild_reports_its_share_and_rate_so_far() {
        RunProgress progress = RunProgress.of(UUID.randomUUID(), "orders", RunProgress.Kind.REBUILD, "replaying",
                250_000, 1_000_000, null, null, START, START.plusSeconds(10), null, START.plusSeconds(10));
        assertThat(progress.percent()).isEqualTo(25.0);
        assertThat(progress.eventsPerSecond()).isEqualTo(25_000);
        assertThat(progress.kind()).isEqualTo("rebuild");
        assertThat(progress.finished()).isFalse();
    }

    @Test
    void a_finished_run_is_rated_over_its_own_duration() {
        RunProgress done = RunProgress.of(UUID.randomUUID(), "orders", RunProgress.Kind.CHECK, "done", 1000, 0, 2L,
                null, START, START.plusSeconds(2), START.plusSeconds(2), START.plusSeconds(60));
        assertThat(done.percent()).isEqualTo(100.0);
        assertThat(done.eventsPerSecond()).isEqualTo(500);
        assertThat(done.finished()).isTrue();
    }
}
