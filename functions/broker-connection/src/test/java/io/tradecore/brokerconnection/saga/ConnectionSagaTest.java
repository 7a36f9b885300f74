package io.tradecore.brokerconnection.saga;

import static io.tradecore.brokerconnection.saga.ConnectionSaga.CLEAN_UP;
import static io.tradecore.brokerconnection.saga.ConnectionSaga.DISCONNECT;
import static io.tradecore.brokerconnection.saga.ConnectionSaga.ESTABLISH;
import static io.tradecore.brokerconnection.saga.ConnectionSaga.FAIL;
import static io.tradecore.brokerconnection.saga.ConnectionSaga.FETCH;
import static io.tradecore.brokerconnection.saga.ConnectionSaga.FINALIZE;
import static io.tradecore.brokerconnection.saga.ConnectionSaga.VALIDATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.saga.RetryPolicy;
import io.tradecore.kernel.saga.SagaState.Status;
import io.tradecore.kernel.testing.SagaSpec;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The broker-connection saga as conversations: what it sends after each answer, failure and silence. */
class ConnectionSagaTest {

    private final SagaSpec<ConnectionSaga.Data> spec =
            SagaSpec.of(ConnectionSaga.definition(Duration.ofSeconds(60), RetryPolicy.once()));
    private final ConnectionSaga.Data data = new ConnectionSaga.Data("c-1", "u-1");

    @Test
    void the_four_steps_run_in_order_and_the_last_completes_the_saga() {
        spec.given("c-1", data).thenSends(ConnectionSaga.STEP1);
        spec.when(spec.done(VALIDATE)).thenSends(ConnectionSaga.STEP2);
        spec.when(spec.done(ESTABLISH)).thenSends(ConnectionSaga.STEP3);
        spec.when(spec.done(FETCH)).thenSends(ConnectionSaga.STEP4);
        spec.when(spec.done(FINALIZE)).thenSends().thenStatus(Status.COMPLETED, FINALIZE);
    }

    @ParameterizedTest(name = "{0} failing undoes: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            validateCredentials | connectBrokerCompensateCleanUpAdapter
            establishConnection | connectBrokerCompensateDisconnect,connectBrokerCompensateCleanUpAdapter
            fetchAccounts       | connectBrokerCompensateDisconnect,connectBrokerCompensateCleanUpAdapter
            finalize            | connectBrokerCompensateDisconnect,connectBrokerCompensateCleanUpAdapter
            """)
    void a_failing_step_is_compensated_in_reverse_and_the_connection_fails_with_its_reason(String step, String undo) {
        spec.given("c-1", data);
        for (String before : new String[] {VALIDATE, ESTABLISH, FETCH, FINALIZE}) {
            if (before.equals(step)) {
                break;
            }
            spec.when(spec.done(before));
        }
        String[] compensations = undo.split(",");
        spec.when(spec.failed(step, "broker-forbidden", false)).thenSends(compensations[0]);
        if (compensations.length == 2) {
            spec.when(spec.compensated(ESTABLISH)).thenSends(compensations[1]);
        }
        spec.when(spec.compensated(VALIDATE)).thenSends(FAIL).thenFailedAt(step, "broker-forbidden");
        var failure = (ConnectionSaga.FailureRequest) spec.transition().commands().getFirst().body();
        assertThat(failure).isEqualTo(new ConnectionSaga.FailureRequest("c-1", step, "broker-forbidden",
                "broker-forbidden (test)"));
    }

    @Test
    void fetching_accounts_that_never_answers_times_out_and_disconnects_first() {
        spec.given("c-1", data, spec.done(VALIDATE), spec.done(ESTABLISH)).thenSends(ConnectionSaga.STEP3)
                .whenDue().thenSends(DISCONNECT).thenStatus(Status.COMPENSATING, ESTABLISH);
        spec.when(spec.compensated(ESTABLISH)).thenSends(CLEAN_UP);
        spec.when(spec.done(FETCH)).thenNothingChanges();
    }

    @Test
    void a_finalize_answer_after_its_timeout_fired_neither_completes_the_saga_nor_stops_the_compensation() {
        spec.given("c-1", data, spec.done(VALIDATE), spec.done(ESTABLISH), spec.done(FETCH)).thenSends(ConnectionSaga.STEP4)
                .whenDue().thenSends(DISCONNECT).thenStatus(Status.COMPENSATING, ESTABLISH);

        spec.when(spec.done(FINALIZE)).thenNothingChanges().thenSends();

        assertThat(spec.transition().timeline()).singleElement().satisfies(note -> {
            assertThat(note.step()).isEqualTo(FINALIZE);
            assertThat(note.what()).isEqualTo("reply-ignored");
            assertThat(note.detail()).isEqualTo("done answer while the saga is compensating at establishConnection");
        });
        spec.when(spec.compensated(ESTABLISH)).thenSends(CLEAN_UP);
        spec.when(spec.compensated(VALIDATE)).thenSends(FAIL).thenFailedAt(FINALIZE, "step-timed-out");
    }

    @Test
    void after_a_timed_out_attempt_the_step_is_sent_again_and_its_answer_moves_the_saga_on() {
        var retrying = SagaSpec.of(ConnectionSaga.definition(Duration.ofSeconds(60),
                RetryPolicy.times(2, Duration.ofSeconds(5))));
        retrying.given("c-1", data).whenDue().thenSends(ConnectionSaga.STEP1).thenStatus(Status.RUNNING, VALIDATE);
        assertThat(retrying.transition().commands().getFirst().id()).isEqualTo("c-1:validateCredentials:do:2");
        // the decider cannot tell attempts apart in a reply; the participant's claim on attempt 2's timeout does
        // (SagaRuntime.claimAnswer refuses attempt 1's late answer, see LateAnswerIT for the database side)
        retrying.when(retrying.done(VALIDATE)).thenSends(ConnectionSaga.STEP2);
    }

    @Test
    void each_step_waits_the_configured_time() {
        spec.given("c-1", data).thenDueIn(Duration.ofSeconds(60));
        spec.after(Duration.ofSeconds(59)).when(spec.done(VALIDATE)).thenDueIn(Duration.ofSeconds(60));
    }
}
