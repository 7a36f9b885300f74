package io.tradecore.brokerconnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradecore.kernel.function.JobReport;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The race between a step's timeout and its late success: finalize is held at the broker until its timeout has
 * fired and compensation has started, then answers "activated". Before the fix the late answer completed the
 * connection (and broker_account opened its accounts) while the saga compensated; now the answer loses its claim on
 * the step's timeout and is not recorded.
 */
class LateAnswerIT extends BrokerConnectionIT {

    @Autowired
    @Qualifier("fireBrokerConnectionTimeouts")
    Supplier<JobReport> fireTimeouts;

    @Test
    void a_finalize_that_succeeds_after_its_timeout_fired_neither_completes_the_connection_nor_leaves_an_account() {
        User user = user();
        String keyId = key("hang-finalize");
        String id = connected(user, keyId, "secret");
        await().atMost(TERMINAL).until(() -> STUB.count("POST", "/v2/sessions/session-", keyId) == 1);

        clock.advance(Duration.ofSeconds(61));
        assertThat(fireTimeouts.get().processed()).isPositive();
        assertThat(timeline(user, id, "timed-out")).containsExactly("finalize");
        // compensation has started and its session close is held at the broker: now the late success comes
        await().atMost(TERMINAL).until(() -> STUB.count("DELETE", "/v2/sessions/", keyId) == 1);
        STUB.release("activate", keyId);

        await().atMost(TERMINAL).until(() -> timeline(user, id, "late-answer-refused").contains("finalize"));
        STUB.release("close", keyId);
        var failed = awaitStatus(user, id, "failed");

        assertThat(failed.text("failedStep")).isEqualTo("finalize");
        assertThat(failed.text("failureCode")).isEqualTo("step-timed-out");
        assertThat(eventsOfType(id, "connection.completed")).isZero();
        assertThat(eventsOfType(id, "connection.failed")).isEqualTo(1);
        assertThat(timeline(user, id, "compensated")).containsExactly("establishConnection", "validateCredentials");
        assertThat(timeline(user, id, "saga-completed")).isEmpty();
        assertThat(accountsOf(id)).isZero();
        assertThat(credentialsOf(user.id())).isZero();
    }
}
