package io.tradecore.kernel.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.maintenance.ReplayLedger.Decision;
import io.tradecore.kernel.maintenance.ReplayLedger.Mark;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayLedgerTest {

    private final ReplayLedger ledger = new ReplayLedger();

    @Test
    void without_a_cap_every_new_version_is_applied_and_a_seen_one_skipped() {
        assertThat(ledger.decide("order-1", 1, null)).isEqualTo(Decision.APPLY);
        ledger.applied("order-1", 1, 10);
        assertThat(ledger.decide("order-1", 1, null)).isEqualTo(Decision.SKIP);
        assertThat(ledger.decide("order-1", 2, null)).isEqualTo(Decision.APPLY);
        assertThat(ledger.version("order-1")).isEqualTo(1);
        assertThat(ledger.version("order-2")).isZero();
    }

    @Test
    void an_event_past_the_live_checkpoint_is_deferred_with_the_rest_of_its_stream() {
        ledger.applied("order-1", 1, 10);
        assertThat(ledger.decide("order-1", 2, 2L)).isEqualTo(Decision.APPLY);
        ledger.applied("order-1", 2, 11);
        assertThat(ledger.decide("order-1", 3, 2L)).isEqualTo(Decision.DEFER);
        // The live checkpoint moved on meanwhile; order is still kept: the stream waits for the final catch-up.
        assertThat(ledger.decide("order-1", 4, 9L)).isEqualTo(Decision.DEFER);
        assertThat(ledger.decide("order-2", 1, 0L)).isEqualTo(Decision.DEFER);
        assertThat(ledger.decide("order-3", 1, 5L)).isEqualTo(Decision.APPLY);
        assertThat(ledger.deferredStreams()).isEqualTo(2);
    }

    @Test
    void checkpoints_are_handed_out_once_with_the_latest_mark_per_stream() {
        ledger.applied("a", 1, 10);
        ledger.applied("b", 1, 11);
        ledger.applied("a", 2, 12);
        assertThat(ledger.drainUnflushed()).containsExactly(Map.entry("a", new Mark(2, 12)), Map.entry("b", new Mark(1, 11)));
        assertThat(ledger.drainUnflushed()).isEmpty();
    }

    @Test
    void a_reset_takes_the_stored_checkpoints_and_forgets_what_was_rolled_back() {
        ledger.applied("a", 5, 50);
        ledger.decide("b", 1, 0L);
        ledger.reset(Map.of("a", new Mark(3, 30)));
        assertThat(ledger.version("a")).isEqualTo(3);
        assertThat(ledger.decide("a", 4, null)).isEqualTo(Decision.APPLY);
        assertThat(ledger.decide("b", 1, null)).isEqualTo(Decision.APPLY);
        assertThat(ledger.drainUnflushed()).isEmpty();
    }
}
