package io.tradecore.localdev.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tradecore.brokerconnection.credentials.CredentialVault;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.testing.TestHttp;
import io.tradecore.kernel.testing.TestStack;
import io.tradecore.localdev.LocalStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Deleting a user end to end, every module in one context as the local stack runs them (real PostgreSQL, Kafka,
 * Redis): the user registers, connects a brokerage (a loopback stub playing an Alpaca-style broker) through the
 * connection saga, has a second connection still being made, and deletes their account over HTTP. Then: sign-in
 * fails, nothing personal is left in the users read model or its cache, the active connection is closed at the broker
 * and disconnected, the one being made fails, and the user's credentials cannot be decrypted anywhere: the vault
 * answers "shredded", even for a ciphertext restored from a backup taken before the deletion.
 */
@SpringBootTest(classes = LocalStack.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tradecore.security.admin-usernames=root-admin",
        "tradecore.broker-connection.step-attempts=1",
        // the held account listing must outlast the deletion: neither the call guard nor the step timeout cuts it
        "tradecore.broker-connection.calls.timeout=60s",
        "tradecore.broker-connection.step-timeout=300s"})
class UserDeletionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String PASSWORD = "correct horse battery";
    private static final Broker BROKER = new Broker();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry);
        registry.add("tradecore.broker-connection.alpaca-base-url", () -> "http://127.0.0.1:" + BROKER.port());
    }

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    CredentialVault vault;

    @Test
    void a_deleted_users_credentials_are_shredded_their_connections_end_and_they_cannot_sign_in() {
        TestHttp http = new TestHttp(port);
        String admin = register(http, "root-admin").token();
        String username = "del" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        User user = register(http, username);
        String userId = user.id();
        String token = user.token();
        String profileKey = "user:" + userId + ":profile";
        await().atMost(PATIENCE).until(() -> http.get("/api/users/" + userId, token).status() == 200
                && redis.hasKey(profileKey));

        String active = connect(http, token, "ok-" + username);
        awaitConnection(http, admin, active, "active");
        String pendingKey = "hold-" + username;
        String pending = connect(http, token, pendingKey);
        await().atMost(PATIENCE).until(() -> BROKER.asked("GET", "/accounts", pendingKey));
        String credentialRef = jdbc.sql("SELECT payload ->> 'credentialRef' FROM event_store_events "
                + "WHERE stream_id = ? AND event_type = 'connection.requested'").param("connection-" + active)
                .query(String.class).single();
        byte[] backup = jdbc.sql("SELECT ciphertext FROM broker_credentials WHERE credential_ref = ?")
                .param(credentialRef).query(byte[].class).single();
        assertThat(vault.open(credentialRef, userId).keyId()).isEqualTo("ok-" + username);

        var deleted = http.post("/api/users/" + userId + "/delete", token, TestHttp.json(Map.of("password", PASSWORD)));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);

        awaitConnection(http, admin, active, "disconnected");
        assertThat(BROKER.asked("DELETE", "/v2/sessions/", "ok-" + username)).as("closed at the broker").isTrue();
        await().atMost(PATIENCE).until(() -> vault.isShredded(userId));
        BROKER.release(); // the connection being made goes on: its next step finds the credentials shredded
        var failed = awaitConnection(http, admin, pending, "failed");
        assertThat(failed.text("failureCode")).isEqualTo(CredentialVault.SHREDDED);

        assertShredded(credentialRef, userId);
        jdbc.sql("INSERT INTO broker_credentials VALUES (?, ?, ?, now())").params(credentialRef, userId, backup).update();
        assertShredded(credentialRef, userId); // a restored backup of the ciphertext does not open either
        assertThat(jdbc.sql("SELECT count(*) FROM event_store_events WHERE stream_id = ? "
                + "AND event_type = 'connection.completed'").param("connection-" + pending).query(Long.class).single())
                .isZero();

        var signIn = http.post("/api/auth/token", null, TestHttp.json(Map.of("username", username, "password", PASSWORD)));
        assertThat(signIn.status()).isEqualTo(401);
        await().atMost(PATIENCE).until(() -> http.get("/api/users/" + userId, admin).status() == 404);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE id = ?::uuid").param(userId).query(Long.class).single())
                .isZero();
        await().atMost(PATIENCE).until(() -> !redis.hasKey(profileKey));
        var again = http.post("/api/users/" + userId + "/update-profile", token,
                TestHttp.json(Map.of("displayName", "still here?")));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.text("code")).isEqualTo("user-deleted");
        var reconnect = http.post("/api/connections/connect", token,
                TestHttp.json(Map.of("broker", "alpaca", "keyId", "ok-again", "secret", "s3cret")));
        assertThat(reconnect.status()).as(reconnect.toString()).isEqualTo(422);
        assertThat(reconnect.text("code")).isEqualTo(CredentialVault.SHREDDED);
    }

    private void assertShredded(String credentialRef, String userId) {
        assertThatThrownBy(() -> vault.open(credentialRef, userId)).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo(CredentialVault.SHREDDED));
    }

    record User(String id, String token) {
    }

    private static User register(TestHttp http, String username) {
        var created = http.post("/api/users/create", null, TestHttp.json(
                Map.of("username", username, "email", username + "@example.com", "password", PASSWORD)));
        assertThat(created.status()).as(created.toString()).isIn(201, 409);
        var issued = http.post("/api/auth/token", null, TestHttp.json(Map.of("username", username, "password", PASSWORD)));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        return new User(created.text("streamId"), issued.text("access_token"));
    }

    private static String connect(TestHttp http, String token, String keyId) {
        var answer = http.post("/api/connections/connect", token,
                TestHttp.json(Map.of("broker", "alpaca", "keyId", keyId, "secret", "secret-of-" + keyId)));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.text("streamId").substring("connection-".length());
    }

    private static TestHttp.Response awaitConnection(TestHttp http, String token, String id, String status) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(
                () -> http.get("/api/connections/" + id, token),
                answer -> answer.status() == 200 && status.equals(answer.text("status")));
    }

    /**
     * A healthy Alpaca-style brokerage on loopback, with one account per login; a key id starting with {@code hold-}
     * has its account listing held until {@link #release}. It records method, path and key id, never the secret.
     */
    static final class Broker implements AutoCloseable {
        private final HttpServer server;
        private final List<String> calls = new CopyOnWriteArrayList<>();
        private final CountDownLatch released = new CountDownLatch(1);

        Broker() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/", this::handle);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        boolean asked(String method, String pathPart, String keyId) {
            return calls.stream().anyMatch(c -> c.startsWith(method + " ") && c.contains(pathPart)
                    && c.endsWith(" " + keyId));
        }

        void release() {
            released.countDown();
        }

        @Override
        public void close() {
            released.countDown();
            server.stop(0);
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String key = String.valueOf(exchange.getRequestHeaders().getFirst("APCA-API-KEY-ID"));
                String method = exchange.getRequestMethod();
                String path = exchange.getRequestURI().getPath();
                calls.add(method + " " + path + " " + key);
                if (method.equals("GET") && path.equals("/v2/account")) {
                    send(exchange, 200, "{\"account_number\":\"" + key + "-main\",\"status\":\"ACTIVE\","
                            + "\"currency\":\"USD\",\"cash\":\"1000.00\",\"buying_power\":\"2000.00\",\"equity\":\"1000.00\"}");
                } else if (method.equals("POST") && path.equals("/v2/sessions")) {
                    send(exchange, 200, "{\"id\":\"session-" + key + "\"}");
                } else if (method.equals("GET") && path.endsWith("/accounts")) {
                    if (key.startsWith("hold-")) {
                        awaitRelease();
                    }
                    send(exchange, 200, "[{\"account_number\":\"" + key + "-1\",\"currency\":\"USD\",\"cash\":\"100.00\"}]");
                } else if (method.equals("POST") && path.endsWith("/activate")) {
                    send(exchange, 200, "{}");
                } else if (method.equals("DELETE") && path.startsWith("/v2/sessions/")) {
                    send(exchange, 204, "");
                } else {
                    send(exchange, 404, "{\"message\":\"no route\"}");
                }
            }
        }

        private void awaitRelease() {
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void send(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }
}
