package io.tradecore.automation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.automation.domain.AlertCommand.CreateAlert;
import io.tradecore.automation.domain.AlertCommand.DeleteAlert;
import io.tradecore.automation.domain.AlertCommand.ExpireAlerts;
import io.tradecore.automation.domain.AlertCommand.ObservePrice;
import io.tradecore.automation.domain.AlertCommand.PauseAlert;
import io.tradecore.automation.domain.AlertCommand.ResumeAlert;
import io.tradecore.automation.domain.AlertEvent.AlertCreated;
import io.tradecore.automation.domain.AlertEvent.AlertDeleted;
import io.tradecore.automation.domain.AlertEvent.AlertExpired;
import io.tradecore.automation.domain.AlertEvent.AlertPaused;
import io.tradecore.automation.domain.AlertEvent.AlertRearmed;
import io.tradecore.automation.domain.AlertEvent.AlertResumed;
import io.tradecore.automation.domain.AlertEvent.AlertTriggered;
import io.tradecore.automation.domain.AlertEvent.PriceObserved;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.testing.DeciderSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The alert book's rules as given/when/then, over tick sequences on one symbol. */
class AlertsTest {

    static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    static final Symbol ACME = new Symbol("ACME");
    static final UUID ADA = UUID.fromString("0190a0b0-0000-7000-8000-00000000000a");
    static final AlertId FIRST = new AlertId(UUID.fromString("0190a0b0-0000-7000-8000-000000000001"));
    static final AlertId SECOND = new AlertId(UUID.fromString("0190a0b0-0000-7000-8000-000000000002"));
    static final OrderAction BUY_10 = new OrderAction(AccountId.of("0190a0b0-0000-7000-8000-0000000000ac"), Side.BUY,
            Quantity.of("10"), OrderType.MARKET, null, TimeInForce.DAY);

    final DeciderSpec<AlertCommand, AlertBook, AlertEvent> spec = DeciderSpec.of(Alerts.DECIDER);

    // ---- crossings need the previous price ---------------------------------------------------------------

    @Test
    void a_crossing_up_fires_when_the_price_moves_from_below_the_threshold_to_it_or_above() {
        AlertCreated created = created(FIRST, level(Condition.CROSSING_UP, "100"), Frequency.ONCE, null, null);
        spec.given(created, observed("99", 1)).when(tick("100.5", 2))
                .then(triggered(created, "100", "100.5", "99", 2), observed("100.5", 2));
    }

    @Test
    void a_crossing_up_does_not_fire_on_a_price_that_was_already_above_nor_on_a_fall() {
        AlertCreated created = created(FIRST, level(Condition.CROSSING_UP, "100"), Frequency.ONCE, null, null);
        spec.given(created, observed("101", 1)).when(tick("102", 2)).then(observed("102", 2));
        spec.given(created, observed("101", 1)).when(tick("99", 2)).then(observed("99", 2));
    }

    @Test
    void a_crossing_has_no_edge_without_a_previous_price() {
        AlertCreated created = created(FIRST, level(Condition.CROSSING, "100"), Frequency.ONCE, null, null);
        spec.given(created).when(tick("150", 1)).then(observed("150", 1));
    }

    @Test
    void the_price_at_creation_is_the_previous_price_of_the_first_tick() {
        AlertCreated created = created(FIRST, level(Condition.CROSSING_DOWN, "100"), Frequency.ONCE, null, "104");
        spec.given(created).when(tick("99", 7)).then(triggered(created, "100", "99", "104", 7), observed("99", 7));
    }

    @Test
    void a_crossing_down_fires_from_above_to_the_threshold_or_below_and_leaving_the_level_is_no_second_crossing() {
        AlertCreated created = created(FIRST, level(Condition.CROSSING_DOWN, "100"), Frequency.EVERY_TIME, null, null);
        List<AlertEvent> fired = play(List.of(created), "101", "100", "99", "98");
        assertThat(triggers(fired)).containsExactly(2L);
    }

    @Test
    void a_crossing_either_way_fires_up_and_down_every_time_but_once_per_move() {
        AlertCreated created = created(FIRST, level(Condition.CROSSING, "100"), Frequency.EVERY_TIME, null, null);
        List<AlertEvent> fired = play(List.of(created), "98", "101", "103", "97", "96", "100", "100");
        // 98→101 up (2), 103→97 down (4), 96→100 up (6); 100→100 is no edge
        assertThat(triggers(fired)).containsExactly(2L, 4L, 6L);
    }

    @Test
    void a_once_crossing_ends_as_triggered_and_never_fires_again() {
        AlertCreated created = created(FIRST, level(Condition.CROSSING, "100"), Frequency.ONCE, null, null);
        List<AlertEvent> fired = play(List.of(created), "98", "101", "97", "102");
        assertThat(triggers(fired)).containsExactly(2L);
        assertThat(spec.given(all(created, fired)).state().alert(FIRST).status()).isEqualTo(AlertStatus.TRIGGERED);
        spec.given(all(created, fired)).when(new PauseAlert(FIRST, ACME, T0)).thenRejected("alert-ended");
    }

    // ---- levels and re-arming ----------------------------------------------------------------------------

    @Test
    void greater_than_fires_on_the_first_tick_above_even_without_a_previous_price() {
        AlertCreated created = created(FIRST, level(Condition.GREATER_THAN, "100"), Frequency.ONCE, null, null);
        spec.given(created).when(tick("100.01", 1))
                .then(triggered(created, "100", "100.01", null, 1), observed("100.01", 1));
        spec.given(created).when(tick("100", 1)).then(observed("100", 1));
    }

    @Test
    void an_every_time_greater_than_fires_once_per_stretch_above_and_re_arms_when_it_is_false_again() {
        AlertCreated created = created(FIRST, level(Condition.GREATER_THAN, "100"), Frequency.EVERY_TIME, null, null);
        List<AlertEvent> fired = play(List.of(created), "101", "102", "103", "100", "104", "105");
        assertThat(triggers(fired)).containsExactly(1L, 5L);
        assertThat(fired).filteredOn(AlertRearmed.class::isInstance)
                .extracting(event -> ((AlertRearmed) event).sequence()).containsExactly(4L);
    }

    @Test
    void less_than_fires_below_the_threshold_only() {
        AlertCreated created = created(FIRST, level(Condition.LESS_THAN, "50"), Frequency.EVERY_TIME, null, null);
        assertThat(triggers(play(List.of(created), "51", "50", "49.99", "49", "55", "10"))).containsExactly(3L, 6L);
    }

    @Test
    void a_percent_move_up_fires_at_the_reference_plus_the_percent() {
        AlertCreated created = created(FIRST, percent("5", Direction.UP, "200"), Frequency.ONCE, null, null);
        List<AlertEvent> fired = play(List.of(created), "209.99", "190", "210");
        assertThat(triggers(fired)).containsExactly(3L);
        assertThat(((AlertTriggered) fired.stream().filter(AlertTriggered.class::isInstance).findFirst().orElseThrow())
                .threshold()).isEqualTo(Price.of("210"));
    }

    @Test
    void a_percent_move_either_way_fires_down_as_well_and_re_arms_between_the_two_levels() {
        AlertCreated created = created(FIRST, percent("10", Direction.EITHER, "100"), Frequency.EVERY_TIME, null, null);
        // levels 110 and 90: 90 fires (1), 95 re-arms (2), 111 fires (3), 112 holds (4)
        assertThat(triggers(play(List.of(created), "90", "95", "111", "112"))).containsExactly(1L, 3L);
    }

    @Test
    void a_percent_move_down_ignores_rises() {
        AlertCreated created = created(FIRST, percent("10", Direction.DOWN, "100"), Frequency.ONCE, null, null);
        assertThat(triggers(play(List.of(created), "150", "91", "90"))).containsExactly(3L);
    }

    @Test
    void a_rule_refuses_missing_or_foreign_fields() {
        assertRejected(() -> new AlertRule(Condition.CROSSING, null, null, null, null), "threshold");
        assertRejected(() -> new AlertRule(Condition.GREATER_THAN, Price.of("1"), Percent.of("5"), null, null), "percent");
        assertRejected(() -> new AlertRule(Condition.PERCENT_MOVE, null, null, Direction.UP, Price.of("1")), "percent");
        assertRejected(() -> new AlertRule(Condition.PERCENT_MOVE, null, Percent.of("100"), Direction.DOWN,
                Price.of("1")), "percent");
        assertRejected(() -> Percent.of("-5"), "percent");
    }

    // ---- ticks: redelivery, order, several alerts -----------------------------------------------------------

    @Test
    void a_tick_at_or_below_the_last_recorded_sequence_changes_nothing() {
        AlertCreated created = created(FIRST, level(Condition.GREATER_THAN, "100"), Frequency.EVERY_TIME, null, null);
        AlertTriggered fired = triggered(created, "100", "101", null, 5);
        spec.given(created, fired, observed("101", 5)).when(tick("101", 5)).thenNothingHappens();
        spec.given(created, fired, observed("101", 5)).when(tick("50", 4)).thenNothingHappens();
    }

    @Test
    void one_tick_fires_every_alert_of_the_symbol_it_meets_in_id_order() {
        AlertCreated second = created(SECOND, level(Condition.LESS_THAN, "200"), Frequency.ONCE, null, null);
        AlertCreated first = created(FIRST, level(Condition.CROSSING_UP, "100"), Frequency.ONCE, BUY_10, null);
        spec.given(second, first, observed("99", 1)).when(tick("150", 2))
                .then(triggered(first, "100", "150", "99", 2), triggered(second, "200", "150", "99", 2),
                        observed("150", 2));
    }

    @Test
    void a_book_without_live_alerts_records_no_ticks() {
        AlertCreated created = created(FIRST, level(Condition.GREATER_THAN, "100"), Frequency.ONCE, null, null);
        spec.given().when(tick("100", 1)).thenNothingHappens();
        spec.given(created, new AlertDeleted(FIRST, ADA, ACME, T0)).when(tick("101", 1)).thenNothingHappens();
    }

    // ---- pause, resume, delete ----------------------------------------------------------------------------

    @Test
    void a_paused_alert_does_not_fire_but_the_book_keeps_the_price_and_resuming_arms_it() {
        AlertCreated created = created(FIRST, level(Condition.CROSSING_UP, "100"), Frequency.ONCE, null, null);
        AlertPaused paused = new AlertPaused(FIRST, ADA, ACME, T0);
        spec.given(created, paused, observed("99", 1)).when(tick("101", 2)).then(observed("101", 2));
        spec.given(created, paused, observed("99", 1)).when(new ResumeAlert(FIRST, ACME, T0))
                .then(new AlertResumed(FIRST, ADA, ACME, T0));
        spec.given(created, paused, observed("101", 2), new AlertResumed(FIRST, ADA, ACME, T0), observed("99", 3))
                .when(tick("100", 4)).then(triggered(created, "100", "100", "99", 4), observed("100", 4));
    }

    @Test
    void pausing_twice_changes_nothing_and_a_deleted_alert_cannot_be_resumed() {
        AlertCreated created = created(FIRST, level(Condition.CROSSING_UP, "100"), Frequency.ONCE, null, null);
        spec.given(created, new AlertPaused(FIRST, ADA, ACME, T0)).when(new PauseAlert(FIRST, ACME, T0))
                .thenNothingHappens();
        spec.given(created).when(new DeleteAlert(FIRST, ACME, T0)).then(new AlertDeleted(FIRST, ADA, ACME, T0));
        spec.given(created, new AlertDeleted(FIRST, ADA, ACME, T0)).when(new ResumeAlert(FIRST, ACME, T0))
                .thenRejected("alert-ended");
        spec.given(created).when(new PauseAlert(SECOND, ACME, T0)).thenRejected("alert-not-found");
    }

    // ---- expiry --------------------------------------------------------------------------------------------

    @Test
    void an_alert_cannot_be_created_with_an_expiry_that_has_passed() {
        spec.given().when(create(FIRST, level(Condition.CROSSING, "100"), T0.minusSeconds(1)))
                .thenRejected("expiry-in-the-past");
        spec.given().when(create(FIRST, level(Condition.CROSSING, "100"), T0)).thenRejected("expiry-in-the-past");
    }

    @Test
    void an_expired_alert_never_fires_a_tick_after_its_expiry_expires_it_instead() {
        Instant expiry = T0.plus(Duration.ofMinutes(10));
        AlertCreated created = createdExpiring(FIRST, level(Condition.GREATER_THAN, "100"), expiry);
        spec.given(created).when(new ObservePrice(ACME, Price.of("150"), 1, expiry, expiry))
                .then(new AlertExpired(FIRST, ADA, ACME, expiry, expiry), new PriceObserved(ACME, Price.of("150"), 1,
                        expiry, expiry));
        spec.given(created).when(new ObservePrice(ACME, Price.of("150"), 1, expiry, expiry.minusMillis(1)))
                .then(new AlertTriggered(FIRST, ADA, ACME, Condition.GREATER_THAN, Price.of("100"), Price.of("150"),
                        null, 1, Frequency.ONCE, null, expiry.minusMillis(1)),
                        new PriceObserved(ACME, Price.of("150"), 1, expiry, expiry.minusMillis(1)));
    }

    @Test
    void the_expiry_job_expires_due_live_alerts_only() {
        Instant expiry = T0.plus(Duration.ofMinutes(10));
        AlertCreated due = createdExpiring(FIRST, level(Condition.GREATER_THAN, "100"), expiry);
        AlertCreated later = createdExpiring(SECOND, level(Condition.GREATER_THAN, "100"), expiry.plusSeconds(60));
        spec.given(due, later).when(new ExpireAlerts(ACME, expiry))
                .then(new AlertExpired(FIRST, ADA, ACME, expiry, expiry));
        spec.given(due, later).when(new ExpireAlerts(ACME, expiry.minusMillis(1))).thenNothingHappens();
        spec.given(due, new AlertExpired(FIRST, ADA, ACME, expiry, expiry)).when(new ExpireAlerts(ACME, expiry))
                .thenNothingHappens();
        spec.given(due, new AlertExpired(FIRST, ADA, ACME, expiry, expiry)).when(tick("500", 1)).thenNothingHappens();
    }

    @Test
    void resuming_an_alert_past_its_expiry_expires_it() {
        Instant expiry = T0.plus(Duration.ofMinutes(10));
        AlertCreated created = createdExpiring(FIRST, level(Condition.GREATER_THAN, "100"), expiry);
        spec.given(created, new AlertPaused(FIRST, ADA, ACME, T0)).when(new ResumeAlert(FIRST, ACME, expiry))
                .then(new AlertExpired(FIRST, ADA, ACME, expiry, expiry));
    }

    @Test
    void the_triggered_event_carries_the_order_action() {
        AlertCreated created = created(FIRST, level(Condition.CROSSING_UP, "100"), Frequency.ONCE, BUY_10, "99");
        spec.given(created).when(tick("100", 3)).then(triggered(created, "100", "100", "99", 3), observed("100", 3));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** Plays ticks with sequences 1, 2, … through decide and evolve; answers every event decided. */
    private List<AlertEvent> play(List<AlertEvent> history, String... prices) {
        List<AlertEvent> all = new ArrayList<>(history);
        List<AlertEvent> decided = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            AlertBook book = Alerts.DECIDER.fold(Alerts.DECIDER.initialState(), all);
            List<AlertEvent> events = Alerts.decide(tick(prices[i], i + 1), book);
            all.addAll(events);
            decided.addAll(events);
        }
        return decided;
    }

    private static List<Long> triggers(List<AlertEvent> events) {
        return events.stream().filter(AlertTriggered.class::isInstance)
                .map(event -> ((AlertTriggered) event).sequence()).toList();
    }

    private static AlertEvent[] all(AlertEvent first, List<AlertEvent> rest) {
        List<AlertEvent> events = new ArrayList<>();
        events.add(first);
        events.addAll(rest);
        return events.toArray(AlertEvent[]::new);
    }

    static AlertRule level(Condition condition, String threshold) {
        return new AlertRule(condition, Price.of(threshold), null, null, null);
    }

    static AlertRule percent(String percent, Direction direction, String reference) {
        return new AlertRule(Condition.PERCENT_MOVE, null, Percent.of(percent), direction, Price.of(reference));
    }

    static CreateAlert create(AlertId id, AlertRule rule, Instant expiresAt) {
        return new CreateAlert(id, ADA, ACME, rule, Frequency.ONCE, expiresAt, null, null, T0);
    }

    static AlertCreated created(AlertId id, AlertRule rule, Frequency frequency, OrderAction action, String lastPrice) {
        return new AlertCreated(id, ADA, ACME, rule.condition(), rule.threshold(), rule.percent(), rule.direction(),
                rule.referencePrice(), frequency, null, action, lastPrice == null ? null : Price.of(lastPrice), T0);
    }

    static AlertCreated createdExpiring(AlertId id, AlertRule rule, Instant expiresAt) {
        return new AlertCreated(id, ADA, ACME, rule.condition(), rule.threshold(), rule.percent(), rule.direction(),
                rule.referencePrice(), Frequency.ONCE, expiresAt, null, null, T0);
    }

    static ObservePrice tick(String price, long sequence) {
        return new ObservePrice(ACME, Price.of(price), sequence, T0, T0);
    }

    static PriceObserved observed(String price, long sequence) {
        return new PriceObserved(ACME, Price.of(price), sequence, T0, T0);
    }

    static AlertTriggered triggered(AlertCreated alert, String level, String price, String previous, long sequence) {
        return new AlertTriggered(alert.alertId(), ADA, ACME, alert.condition(), Price.of(level), Price.of(price),
                previous == null ? null : Price.of(previous), sequence, alert.frequency(), alert.action(), T0);
    }

    private static void assertRejected(Runnable construction, String field) {
        try {
            construction.run();
            throw new AssertionError("expected a refusal of " + field);
        } catch (Rejection rejection) {
            assertThat(rejection.field()).isEqualTo(field);
        }
    }
}
