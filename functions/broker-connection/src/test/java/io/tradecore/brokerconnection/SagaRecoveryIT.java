package io.tradecore.brokerconnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradecore.brokerconnection.saga.ConnectionSaga;
import io.tradecore.kernel.function.JobReport;
import io.tradecore.kernel.saga.SagaCommandRelay;
import io.tradecore.kernel.saga.SagaDefinition;
import io.tradecore.kernel.saga.SagaState;
import io.tradecore.kernel.saga.SagaStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.json.JsonMapper;

/** Crashes, redeliveries, races and load: the saga still ends once, with every effect applied once. */
class SagaRecoveryIT extends BrokerConnectionIT {

    @Autowired
    SagaCommandRelay relay;

    @Autowired
    @Qualifier("relayBrokerConnectionCommands")
    Supplier<JobReport> relayJob;

    @Autowired
    @Qualifier(ConnectionSaga.STEP1)
    Consumer<List<byte[]>> validateStep;

    @Autowired
    SagaStore sagas;

    @Autowired
    SagaDefinition<ConnectionSaga.Data> saga;

    @Autowired
    JsonMapper json;

    @Test
    void a_saga_killed_after_recording_its_command_and_started_again_finishes_with_no_effect_applied_twice() {
        User user = user();
        String keyId = key("ok");
        relay.pause(); // the process dies after the transaction that recorded the first command, before publishing it
        String id;
        try {
            id = connected(user, keyId, "secret");
            Map<String, Object> pending = jdbc.sql("""
                            SELECT command_id, saga_id, saga_name, step, function_name, user_id, body::text AS body
                            FROM saga_commands WHERE saga_id = ? AND dispatched_at IS NULL""")
                    .param(id).query().singleRow();
            assertThat(pending.get("function_name")).isEqualTo(ConnectionSaga.STEP1);
            assertThat(STUB.count("GET", "/v2/account", keyId)).isZero();

            // A copy of the command was delivered before the crash, and again after it: the step runs twice.
            byte[] message = message(pending);
            validateStep.accept(List.of(message));
            validateStep.accept(List.of(message));
            assertThat(STUB.count("GET", "/v2/account", keyId)).isEqualTo(2);
            assertThat(eventsOfType(id, "connection.credentials-validated")).isEqualTo(1);
        } finally {
            relay.resume(); // the process starts again; its relay job publishes what was left
        }
        relayJob.get();

        awaitStatus(user, id, "active");
        await().atMost(TERMINAL).until(() -> accountsOf(id) == 2);
        for (String type : List.of("connection.requested", "connection.credentials-validated",
                "connection.session-opened", "connection.accounts-fetched", "connection.completed")) {
            assertThat(eventsOfType(id, type)).as(type).isEqualTo(1);
        }
        assertThat(STUB.count("POST", "/v2/sessions", keyId)).isEqualTo(2); // the session and its activation
        assertThat(timeline(user, id, "completed"))
                .containsExactly("validateCredentials", "establishConnection", "fetchAccounts", "finalize");
    }

    @Test
    void a_worker_that_read_the_saga_before_another_moved_it_on_cannot_overwrite_the_newer_state() {
        User user = user();
        String id = connected(user, key("ok"), "secret");
        var stored = await().atMost(TERMINAL).until(() -> sagas.load(saga, id).orElseThrow(),
                loaded -> loaded.state().status() == SagaState.Status.COMPLETED);
        SagaState<ConnectionSaga.Data> stale = new SagaState<>(id, saga.name(), stored.state().data(),
                SagaState.Status.RUNNING, 0, 1, null, null, null, stored.state().startedAt(), clock.instant());

        assertThat(sagas.update(stale, stored.version() - 1)).isFalse();

        var after = sagas.load(saga, id).orElseThrow();
        assertThat(after.state().status()).isEqualTo(SagaState.Status.COMPLETED);
        assertThat(after.version()).isEqualTo(stored.version());
    }

    @Test
    void a_hundred_sagas_started_at_once_all_reach_the_end() throws Exception {
        User user = user();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<String>> started = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                String keyId = key(i % 10 == 9 ? "validate-401" : "ok");
                started.add(threads.submit(() -> connected(user, keyId, "secret")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> future : started) {
                ids.add(future.get());
            }
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.sql("""
                            SELECT count(*) FROM saga_instances WHERE saga_id IN (:ids) AND status IN ('COMPLETED', 'FAILED')""")
                    .param("ids", ids).query(Long.class).single() == 100);
            assertThat(jdbc.sql("SELECT count(*) FROM saga_instances WHERE saga_id IN (:ids) AND status = 'COMPLETED'")
                    .param("ids", ids).query(Long.class).single()).isEqualTo(90);
            await().atMost(TERMINAL).until(() -> jdbc.sql("SELECT count(*) FROM accounts WHERE connection_id IN (:ids)")
                    .param("ids", ids).query(Long.class).single() == 180);
            await().atMost(TERMINAL).until(() -> jdbc.sql(
                            "SELECT count(*) FROM connections WHERE connection_id::text IN (:ids) AND status IN ('active', 'failed')")
                    .param("ids", ids).query(Long.class).single() == 100);
        } finally {
            threads.shutdownNow();
        }
    }

    private byte[] message(Map<String, Object> row) {
        Map<String, Object> message = Map.of("commandId", row.get("command_id"), "sagaId", row.get("saga_id"),
                "saga", row.get("saga_name"), "step", row.get("step"), "function", row.get("function_name"),
                "userId", row.get("user_id"), "body", json.readTree((String) row.get("body")));
        return json.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
    }
}
