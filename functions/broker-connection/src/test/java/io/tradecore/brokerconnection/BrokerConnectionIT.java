package io.tradecore.brokerconnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradecore.brokerconnection.adapter.StubBroker;
import io.tradecore.kernel.security.TokenService;
import io.tradecore.kernel.testing.TestClock;
import io.tradecore.kernel.testing.TestHttp;
import io.tradecore.kernel.testing.TestStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of broker_connection's integration tests: one Spring context on a fresh schema and topic prefix, against
 * real PostgreSQL, Kafka and Redis, with a stub brokerage on loopback whose behaviour each test picks by key id.
 * Saga steps are tried once here, so a failure compensates at once (retries are specified in the saga's unit tests).
 */
@SpringBootTest(classes = BrokerConnectionTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrokerConnectionIT {

    static final StubBroker STUB = new StubBroker();
    static final Duration TERMINAL = Duration.ofSeconds(90);

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry);
        registry.add("tradecore.broker-connection.alpaca-base-url", () -> STUB.baseUrl().toString());
        registry.add("tradecore.broker-connection.step-attempts", () -> "1");
        registry.add("tradecore.broker-connection.calls.timeout", () -> "20s");
        registry.add("tradecore.broker-connection.calls.per-second", () -> "5000");
        registry.add("tradecore.broker-connection.calls.concurrent", () -> "200");
        registry.add("tradecore.broker-connection.calls.window", () -> "200");
        registry.add("tradecore.broker-connection.calls.failure-rate", () -> "100");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TokenService tokens;

    @Autowired
    TestClock clock;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    record User(String id, String token) {
    }

    User user() {
        String id = UUID.randomUUID().toString();
        return new User(id, tokens.issue(id, "u" + id.substring(0, 8), Set.of()).access_token());
    }

    static String key(String behaviour) {
        return behaviour + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    TestHttp.Response connect(User user, String keyId, String secret) {
        return http.post("/api/connections/connect", user.token(),
                TestHttp.json(Map.of("broker", "alpaca", "keyId", keyId, "secret", secret)));
    }

    /** Connects and answers the connection id. */
    String connected(User user, String keyId, String secret) {
        var answer = connect(user, keyId, secret);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.text("streamId").substring("connection-".length());
    }

    TestHttp.Response awaitStatus(User user, String connectionId, String status) {
        return await().atMost(TERMINAL).pollInterval(Duration.ofMillis(100)).until(
                () -> http.get("/api/connections/" + connectionId, user.token()),
                answer -> answer.status() == 200 && status.equals(answer.text("status")));
    }

    long accountsOf(String connectionId) {
        return jdbc.sql("SELECT count(*) FROM accounts WHERE connection_id = ?").param(connectionId)
                .query(Long.class).single();
    }

    long eventsOfType(String connectionId, String type) {
        return jdbc.sql("SELECT count(*) FROM event_store_events WHERE stream_id = ? AND event_type = ?")
                .param("connection-" + connectionId).param(type).query(Long.class).single();
    }

    long credentialsOf(String userId) {
        return jdbc.sql("SELECT count(*) FROM broker_credentials WHERE user_id = ?").param(userId)
                .query(Long.class).single();
    }

    List<String> timeline(User user, String connectionId, String what) {
        var saga = http.get("/api/connections/" + connectionId + "/saga", user.token());
        assertThat(saga.status()).as(saga.toString()).isEqualTo(200);
        List<String> steps = new java.util.ArrayList<>();
        saga.body().get("entries").forEach(entry -> {
            if (what.equals(entry.get("what").asString())) {
                steps.add(entry.get("step").asString());
            }
        });
        return steps;
    }
}
