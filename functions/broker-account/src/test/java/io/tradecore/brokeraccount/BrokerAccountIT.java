package io.tradecore.brokeraccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.security.TokenService;
import io.tradecore.kernel.testing.TestHttp;
import io.tradecore.kernel.testing.TestStack;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of broker_account's integration tests: one Spring context for all of them, on a fresh schema and topic
 * prefix, against real PostgreSQL, Kafka and Redis. The module registers no users, so tests mint tokens with the
 * kernel's {@link TokenService}; they isolate themselves with fresh users, accounts and symbols.
 */
@SpringBootTest(classes = BrokerAccountTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrokerAccountIT {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TokenService tokens;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    record User(String id, String token) {
    }

    /** An account as a test holds it: its id, its stream, and the token of the last command on it. */
    record Account(String id, User owner) {
        String streamId() {
            return "account-" + id;
        }
    }

    User user() {
        String id = UUID.randomUUID().toString();
        return new User(id, tokens.issue(id, "u" + id.substring(0, 8), Set.of()).access_token());
    }

    Account open(User owner, boolean allowShorting) {
        var opened = http.post("/api/accounts/open", owner.token(),
                TestHttp.json(Map.of("name", "Main", "allowShorting", allowShorting)));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return new Account(opened.text("streamId").substring("account-".length()), owner);
    }

    TestHttp.Response transfer(Account account, String kind, String amount) {
        return http.post("/api/accounts/" + account.id() + "/" + kind, account.owner().token(),
                "{\"amount\":" + amount + "}");
    }

    Account funded(String amount, boolean allowShorting) {
        Account account = open(user(), allowShorting);
        var deposited = transfer(account, "deposit", amount);
        assertThat(deposited.status()).as(deposited.toString()).isEqualTo(200);
        return account;
    }

    long eventsIn(String streamId) {
        return jdbc.sql("SELECT count(*) FROM event_store_events WHERE stream_id = ?").param(streamId)
                .query(Long.class).single();
    }

    long allEvents() {
        return jdbc.sql("SELECT count(*) FROM event_store_events").query(Long.class).single();
    }

    static String freshSymbol() {
        StringBuilder symbol = new StringBuilder("Z");
        ThreadLocalRandom.current().ints(6, 'A', 'Z' + 1).forEach(c -> symbol.append((char) c));
        return symbol.toString();
    }

    /** A Kafka record value in the shape the outbox relay writes ({@code EventCodec.toMessage}). */
    static byte[] envelope(String streamId, String streamType, long version, String type, String userId,
                           Map<String, Object> payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("streamId", streamId);
        envelope.put("streamType", streamType);
        envelope.put("version", version);
        envelope.put("position", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2));
        envelope.put("type", type);
        envelope.put("schemaVersion", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("correlationId", UUID.randomUUID().toString());
        envelope.put("causationId", UUID.randomUUID().toString());
        envelope.put("userId", userId);
        envelope.put("payload", payload);
        return TestHttp.json(envelope).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
