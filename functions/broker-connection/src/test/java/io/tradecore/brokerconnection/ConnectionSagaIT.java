package io.tradecore.brokerconnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradecore.brokerconnection.readmodel.ConnectionProjection;
import io.tradecore.kernel.function.JobReport;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The broker-connection saga end to end over HTTP: success, each step failing, a step that never answers. */
class ConnectionSagaIT extends BrokerConnectionIT {

    @Autowired
    @Qualifier("fireBrokerConnectionTimeouts")
    Supplier<JobReport> fireTimeouts;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    @Qualifier("brokersHealthIndicator")
    org.springframework.boot.health.contributor.HealthIndicator brokers;

    @Test
    void a_user_connects_over_http_and_each_broker_account_is_opened_once() {
        User user = user();
        String keyId = key("ok");
        String id = connected(user, keyId, "secret-" + keyId);

        var active = awaitStatus(user, id, "active");
        assertThat(active.text("stage")).isEqualTo("connected");
        assertThat(active.body().get("accounts")).extracting(a -> a.asString())
                .containsExactly(keyId + "-1", keyId + "-2");
        // A read fills the cache; a racing eviction of the last change may drop it once, so read until it stays.
        await().atMost(TERMINAL).until(() -> {
            http.get("/api/connections/" + id, user.token());
            String cached = redis.opsForValue().get(ConnectionProjection.cacheKey(id));
            return cached != null && cached.contains("\"status\":\"active\"");
        });

        await().atMost(TERMINAL).until(() -> accountsOf(id) == 2);
        var accounts = http.get("/api/accounts", user.token());
        assertThat(accounts.body().get("items")).extracting(a -> a.get("broker").asString())
                .containsExactly("alpaca", "alpaca");
        assertThat(timeline(user, id, "completed"))
                .containsExactly("validateCredentials", "establishConnection", "fetchAccounts", "finalize");
        assertThat(timeline(user, id, "saga-completed")).hasSize(1);

        var listed = http.get("/api/connections", user.token());
        assertThat(listed.body().get("items")).extracting(c -> c.get("connectionId").asString()).containsExactly(id);
        assertThat(http.get("/api/connections/" + id, user().token()).status()).isEqualTo(404);
        assertThat(http.get("/api/connections/" + id + "/saga", user().token()).status()).isEqualTo(404);
    }

    @Test
    void an_active_connection_is_disconnected_at_the_broker_and_its_credentials_erased() {
        User user = user();
        String keyId = key("ok");
        String id = connected(user, keyId, "secret");
        awaitStatus(user, id, "active");
        assertThat(http.post("/api/connections/" + id + "/disconnect", user().token(), "{}").status()).isEqualTo(404);
        assertThat(STUB.count("DELETE", "/v2/sessions/", keyId)).isZero();

        var answer = http.post("/api/connections/" + id + "/disconnect", user.token(), "{}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);

        awaitStatus(user, id, "disconnected");
        assertThat(STUB.count("DELETE", "/v2/sessions/", keyId)).isEqualTo(1);
        assertThat(credentialsOf(user.id())).isZero();
    }

    @ParameterizedTest(name = "{1} failing ({0})")
    @CsvSource(delimiter = '|', textBlock = """
            validate-401    | validateCredentials | broker-unauthenticated | validateCredentials
            establish-500   | establishConnection | broker-unavailable     | establishConnection,validateCredentials
            fetch-malformed | fetchAccounts       | broker-malformed       | establishConnection,validateCredentials
            finalize-403    | finalize            | broker-forbidden       | establishConnection,validateCredentials
            """)
    void a_failing_step_is_compensated_in_reverse_and_leaves_no_account_behind(String behaviour, String step,
                                                                               String code, String compensated) {
        User user = user();
        String id = connected(user, key(behaviour), "secret");

        var failed = awaitStatus(user, id, "failed");

        assertThat(failed.text("failedStep")).isEqualTo(step);
        assertThat(failed.text("failureCode")).isEqualTo(code);
        assertThat(failed.text("failureReason")).isNotBlank();
        assertThat(timeline(user, id, "compensated")).containsExactly(compensated.split(","));
        assertThat(eventsOfType(id, "connection.completed")).isZero();
        assertThat(eventsOfType(id, "connection.failed")).isEqualTo(1);
        assertThat(accountsOf(id)).isZero();
        assertThat(credentialsOf(user.id())).isZero();
    }

    @Test
    void a_step_that_never_answers_times_out_through_the_due_time_job_and_compensates() {
        User user = user();
        String keyId = key("hang-fetch");
        String id = connected(user, keyId, "secret");
        await().atMost(TERMINAL).until(() -> STUB.count("GET", "/v2/sessions/", keyId) == 1);

        clock.advance(Duration.ofSeconds(61));
        fireTimeouts.get();

        var failed = awaitStatus(user, id, "failed");
        assertThat(failed.text("failedStep")).isEqualTo("fetchAccounts");
        assertThat(failed.text("failureCode")).isEqualTo("step-timed-out");
        assertThat(timeline(user, id, "timed-out")).containsExactly("fetchAccounts");
        assertThat(timeline(user, id, "compensated")).containsExactly("establishConnection", "validateCredentials");

        STUB.release(); // the broker answers at last: too late, the saga has moved on
        await().atMost(TERMINAL).until(() -> jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?")
                .param(id + ":fetchAccounts:do:1").query(Long.class).single() == 1);
        assertThat(eventsOfType(id, "connection.accounts-fetched")).isZero();
        assertThat(accountsOf(id)).isZero();
        assertThat(eventsOfType(id, "connection.completed")).isZero();
    }

    @Test
    void the_brokers_call_guards_show_in_health_and_metrics() {
        String admin = tokens.issue(java.util.UUID.randomUUID().toString(), "ops", java.util.Set.of("admin")).access_token();
        connected(user(), key("ok"), "secret");
        await().atMost(TERMINAL).until(() -> http.get("/actuator/metrics/resilience4j.circuitbreaker.calls?tag=name:alpaca",
                admin).status() == 200);
        var state = http.get("/actuator/metrics/resilience4j.circuitbreaker.state?tag=name:alpaca&tag=state:closed", admin);
        assertThat(state.status()).as(state.toString()).isEqualTo(200);
        assertThat(state.body().get("measurements").get(0).get("value").asDouble()).isEqualTo(1.0);
        for (String meter : new String[] {"resilience4j.bulkhead.available.concurrent.calls",
                "resilience4j.ratelimiter.available.permissions", "resilience4j.retry.calls"}) {
            var answer = http.get("/actuator/metrics/" + meter + "?tag=name:alpaca", admin);
            assertThat(answer.status()).as(meter + " " + answer).isEqualTo(200);
        }
        var health = brokers.health();
        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.getDetails().get("alpaca").toString()).contains("circuit=CLOSED", "bulkheadAvailable");
        assertThat(http.get("/actuator/health", null).text("status")).isEqualTo("UP");
    }

    @Test
    void the_user_is_told_at_once_about_a_broker_it_cannot_connect_to_and_nothing_is_written() {
        User user = user();
        String mine = "SELECT count(*) FROM event_store_events WHERE payload ->> 'userId' = ?";
        var unknown = http.post("/api/connections/connect", user.token(),
                "{\"broker\":\"nasdaq\",\"keyId\":\"k\",\"secret\":\"s\"}");
        var missing = http.post("/api/connections/connect", user.token(), "{\"broker\":\"alpaca\",\"keyId\":\"k\"}");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.text("code")).isEqualTo("invalid-broker");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("code")).isEqualTo("invalid-secret");
        assertThat(http.post("/api/connections/connect", null, "{}").status()).isEqualTo(401);
        assertThat(jdbc.sql(mine).param(user.id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM saga_instances WHERE user_id = ?").param(user.id())
                .query(Long.class).single()).isZero();
        assertThat(credentialsOf(user.id())).isZero();
    }
}
