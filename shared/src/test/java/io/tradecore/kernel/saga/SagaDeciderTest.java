package io.tradecore.kernel.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.kernel.saga.SagaState.Status;
import io.tradecore.kernel.testing.SagaSpec;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The saga engine's rules, as conversations: a three-step saga whose first two steps can be undone. */
class SagaDeciderTest {

    record Data(String orderId, String userId) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static SagaDefinition<Data> saga(RetryPolicy retry) {
        return SagaDefinition.of("demo", Data.class, Data::userId)
                .step("reserve", "doReserve", d -> d.orderId(), TIMEOUT, retry, "undoReserve")
                .step("charge", "doCharge", d -> d.orderId(), TIMEOUT, retry, "undoCharge")
                .step("ship", "doShip", d -> d.orderId(), TIMEOUT, retry, null)
                .onFailure("recordFailure", (d, step, code, reason) -> d.orderId() + ":" + step + ":" + code)
                .replies(event -> Optional.empty())
                .build();
    }

    private final SagaSpec<Data> spec = SagaSpec.of(saga(RetryPolicy.once()));
    private final Data data = new Data("o-1", "u-1");

    @Test
    void a_started_saga_sends_its_first_step_and_waits_for_it_until_the_timeout() {
        spec.given("s-1", data).thenSends("doReserve").thenStatus(Status.RUNNING, "reserve").thenDueIn(TIMEOUT);
        assertThat(spec.transition().commands().getFirst().id()).isEqualTo("s-1:reserve:do:1");
    }

    @Test
    void each_completed_step_sends_the_next_and_the_last_completes_the_saga() {
        spec.given("s-1", data, spec.done("reserve")).thenSends("doCharge").thenStatus(Status.RUNNING, "charge");
        spec.when(spec.done("charge")).thenSends("doShip");
        spec.when(spec.done("ship")).thenSends().thenStatus(Status.COMPLETED, "ship");
        assertThat(spec.transition().deadline()).isNull();
    }

    @Test
    void a_failed_step_is_undone_with_every_step_before_it_newest_first_then_the_failure_is_recorded() {
        spec.given("s-1", data, spec.done("reserve"), spec.done("charge"))
                .when(spec.failed("ship", "out-of-stock", false))
                .thenSends("undoCharge").thenStatus(Status.COMPENSATING, "charge");
        spec.when(spec.compensated("charge")).thenSends("undoReserve").thenStatus(Status.COMPENSATING, "reserve");
        spec.when(spec.compensated("reserve")).thenSends("recordFailure").thenFailedAt("ship", "out-of-stock");
        assertThat(spec.transition().commands().getFirst().body()).isEqualTo("o-1:ship:out-of-stock");
    }

    @Test
    void a_step_that_failed_is_undone_itself_because_it_may_have_taken_effect() {
        spec.given("s-1", data, spec.done("reserve")).when(spec.failed("charge", "declined", false))
                .thenSends("undoCharge");
    }

    @Test
    void a_step_that_never_answers_times_out_and_compensates() {
        spec.given("s-1", data, spec.done("reserve")).whenDue()
                .thenSends("undoCharge").thenStatus(Status.COMPENSATING, "charge");
        assertThat(spec.state().code()).isEqualTo(SagaDecider.TIMED_OUT);
        assertThat(spec.state().failedStep()).isEqualTo("charge");
    }

    @Test
    void a_late_answer_after_the_timeout_changes_nothing() {
        spec.given("s-1", data, spec.done("reserve")).whenDue();
        spec.when(spec.done("charge")).thenNothingChanges();
    }

    @Test
    void a_duplicate_reply_changes_nothing() {
        spec.given("s-1", data, spec.done("reserve")).when(spec.done("reserve")).thenNothingChanges();
    }

    @Test
    void a_superseded_due_time_changes_nothing() {
        spec.given("s-1", data);
        var firstTimeout = spec.transition().deadline();
        spec.when(spec.done("reserve")).when(new SagaInput.Due(firstTimeout)).thenNothingChanges();
    }

    @Test
    void a_retryable_failure_is_tried_again_after_the_backoff_and_a_timeout_retries_up_to_the_limit() {
        SagaSpec<Data> retrying = SagaSpec.of(saga(RetryPolicy.times(3, Duration.ofSeconds(2))));
        retrying.given("s-2", data).when(retrying.failed("reserve", "unavailable", true)).thenSends()
                .thenDueIn(Duration.ofSeconds(2));
        retrying.whenDue().thenSends("doReserve");
        assertThat(retrying.transition().commands().getFirst().id()).isEqualTo("s-2:reserve:do:2");
        retrying.whenDue().thenSends("doReserve").thenStatus(Status.RUNNING, "reserve");
        assertThat(retrying.state().attempt()).isEqualTo(3);
        retrying.whenDue().thenSends("undoReserve").thenStatus(Status.COMPENSATING, "reserve");
    }

    @Test
    void a_compensation_that_never_answers_is_retried_then_abandoned_so_the_saga_still_ends() {
        spec.given("s-1", data, spec.done("reserve")).when(spec.failed("charge", "declined", false));
        spec.whenDue().thenSends("undoReserve").thenStatus(Status.COMPENSATING, "reserve");
        spec.when(spec.compensated("reserve")).thenSends("recordFailure").thenFailedAt("charge", "declined");
    }

    @Test
    void a_failure_in_the_first_step_with_nothing_to_undo_before_it_fails_after_undoing_itself() {
        spec.given("s-1", data).when(spec.failed("reserve", "refused", false)).thenSends("undoReserve");
        spec.when(spec.compensated("reserve")).thenSends("recordFailure").thenFailedAt("reserve", "refused");
    }

    @Test
    void step_timeouts_outside_thirty_to_three_hundred_seconds_are_refused() {
        assertThatThrownBy(() -> new SagaStep<Data>("a", "f", d -> d, Duration.ofSeconds(29), RetryPolicy.once(), null))
                .hasMessageContaining("30 s to 300 s");
        assertThatThrownBy(() -> new SagaStep<Data>("a", "f", d -> d, Duration.ofSeconds(301), RetryPolicy.once(), null))
                .hasMessageContaining("30 s to 300 s");
    }

    @Test
    void a_saga_naming_a_step_twice_is_refused() {
        assertThatThrownBy(() -> SagaDefinition.of("dup", Data.class, Data::userId)
                .step("a", "f", d -> d, TIMEOUT, RetryPolicy.once(), null)
                .step("a", "g", d -> d, TIMEOUT, RetryPolicy.once(), null).build())
                .hasMessageContaining("twice");
    }
}
