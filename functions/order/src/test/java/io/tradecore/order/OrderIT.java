package io.tradecore.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradecore.kernel.security.TokenService;
import io.tradecore.kernel.testing.TestHttp;
import io.tradecore.kernel.testing.TestStack;
import io.tradecore.contracts.standin.StandInMarket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of order's integration tests: one Spring context for all of them, on a fresh schema and topic prefix,
 * against real PostgreSQL, Kafka and Redis. Other domains appear only as what they publish: their query functions
 * through the stand-ins of {@code io.tradecore.contracts.standin} (shared test-jar), their events as envelopes handed to the policy functions. Tests
 * isolate themselves with fresh traders and accounts.
 */
@SpringBootTest(classes = OrderTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class OrderIT {

    static final String SYMBOL = "ACME";

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

    @Autowired
    StandInMarket market;

    @Autowired
    @Qualifier("acceptOrders")
    Consumer<List<byte[]>> acceptOrders;

    @Autowired
    @Qualifier("recordExecutions")
    Consumer<List<byte[]>> recordExecutions;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
        market.list(SYMBOL, "100.00");
    }

    /** A user with a token and an open account of their own. */
    record Trader(String userId, String token, String accountId) {
    }

    Trader trader() {
        String userId = UUID.randomUUID().toString();
        String accountId = UUID.randomUUID().toString();
        market.open(accountId, userId);
        String token = tokens.issue(userId, "trader-" + userId.substring(0, 8), Set.of()).access_token();
        return new Trader(userId, token, accountId);
    }

    /** A day limit buy of {@code quantity} ACME at {@code limitPrice}, with {@code extra} fields added or replaced. */
    Map<String, Object> limitBuy(Trader trader, String quantity, String limitPrice, Object... extra) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("accountId", trader.accountId());
        order.put("symbol", SYMBOL);
        order.put("side", "buy");
        order.put("quantity", new java.math.BigDecimal(quantity));
        order.put("type", "limit");
        order.put("limitPrice", new java.math.BigDecimal(limitPrice));
        order.put("timeInForce", "day");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            order.put((String) extra[i], extra[i + 1]);
        }
        return order;
    }

    TestHttp.Response place(Trader trader, Map<String, Object> order) {
        return http.post("/api/orders/place", trader.token(), TestHttp.json(order));
    }

    /** Places an order that must be accepted for placement; answers its id. */
    String placed(Trader trader, Map<String, Object> order) {
        var answer = place(trader, order);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.text("streamId").substring("order-".length());
    }

    /** The order as the read model shows it, once {@code until} holds (bounded wait). */
    JsonNode orderWhen(Trader trader, String orderId, Predicate<JsonNode> until) {
        Map<String, JsonNode> seen = new HashMap<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            var answer = http.get("/api/orders/" + orderId, trader.token());
            if (answer.status() == 200 && until.test(answer.body())) {
                seen.put("order", answer.body());
                return true;
            }
            return false;
        });
        return seen.get("order");
    }

    JsonNode orderWithStatus(Trader trader, String orderId, String status) {
        return orderWhen(trader, orderId, order -> status.equals(order.get("status").asString()));
    }

    long allEvents() {
        return jdbc.sql("SELECT count(*) FROM event_store_events").query(Long.class).single();
    }

    long eventsOf(String orderId) {
        return jdbc.sql("SELECT count(*) FROM event_store_events WHERE stream_id = ?").param("order-" + orderId)
                .query(Long.class).single();
    }

    /** A Kafka record value as the outbox relay writes it (EventCodec.toMessage), for another domain's event. */
    static byte[] envelope(String streamId, String streamType, String type, String userId, Map<String, ?> payload) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("eventId", UUID.randomUUID().toString());
        message.put("streamId", streamId);
        message.put("streamType", streamType);
        message.put("version", 1);
        message.put("position", 1);
        message.put("type", type);
        message.put("schemaVersion", 1);
        message.put("occurredAt", Instant.now().toString());
        message.put("correlationId", UUID.randomUUID().toString());
        message.put("causationId", UUID.randomUUID().toString());
        message.put("userId", userId);
        message.put("payload", payload);
        return TestHttp.json(message).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code type} on broker_account's stream of {@code trader}'s account, about {@code orderId}. */
    static byte[] accountEvent(Trader trader, String type, String orderId, Object... fields) {
        return envelope("account-" + trader.accountId(), "broker_account", type, trader.userId(),
                payload(trader, orderId, fields));
    }

    /** {@code type} on the virtual broker's order stream, about {@code orderId}. */
    static byte[] brokerEvent(Trader trader, String type, String orderId, Object... fields) {
        return envelope("vb-order-" + orderId, "virtual_broker", type, trader.userId(), payload(trader, orderId, fields));
    }

    private static Map<String, Object> payload(Trader trader, String orderId, Object... fields) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderId", orderId);
        payload.put("accountId", trader.accountId());
        payload.put("userId", trader.userId());
        for (int i = 0; i + 1 < fields.length; i += 2) {
            payload.put((String) fields[i], fields[i + 1]);
        }
        payload.put("at", Instant.now().toString());
        return payload;
    }
}
