package io.tradecore.useraccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.testing.TestHttp;
import io.tradecore.kernel.testing.TestStack;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of user_account's integration tests: one Spring context for all of them (same configuration, so Spring's
 * context cache shares it), on a fresh schema and topic prefix, against real PostgreSQL, Kafka and Redis.
 * Tests isolate themselves from each other with fresh usernames.
 */
@SpringBootTest(classes = UserAccountTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tradecore.security.admin-usernames=root-admin")
abstract class UserAccountIT {

    static String isolation;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        isolation = TestStack.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    /** A registered user and a token for them. */
    record User(String id, String username, String email, String password, String token) {
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    User register() {
        return register(unique("u"));
    }

    User register(String username) {
        String email = username + "@example.com";
        String password = "correct horse battery";
        var created = http.post("/api/users/create", null, TestHttp.json(
                Map.of("username", username, "email", email, "password", password)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = token(username, password);
        return new User(created.text("streamId"), username, email, password, token);
    }

    String token(String username, String password) {
        var issued = http.post("/api/auth/token", null, TestHttp.json(Map.of("username", username, "password", password)));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        return issued.text("access_token");
    }

    /** A token for the test context's administrator (configured by username), registering it on first use. */
    String adminToken() {
        var existing = http.post("/api/auth/token", null,
                TestHttp.json(Map.of("username", "root-admin", "password", "correct horse battery")));
        return existing.status() == 200 ? existing.text("access_token") : register("root-admin").token();
    }

    long eventsIn(String streamId) {
        return jdbc.sql("SELECT count(*) FROM event_store_events WHERE stream_id = ?").param(streamId)
                .query(Long.class).single();
    }

    long allEvents() {
        return jdbc.sql("SELECT count(*) FROM event_store_events").query(Long.class).single();
    }
}
