package io.tradecore.position;

import static org.awaitility.Awaitility.await;

import io.tradecore.kernel.security.TokenService;
import io.tradecore.kernel.testing.TestHttp;
import io.tradecore.kernel.testing.TestStack;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
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
 * Base of position's integration tests: one Spring context for all of them, on a fresh schema and topic prefix,
 * against real PostgreSQL, Kafka and Redis. The virtual broker is not deployed here: its events are delivered as
 * the relay would write them (envelope JSON) to the position functions. Position events themselves travel for
 * real: event store, outbox relay, Kafka, projector. Tests isolate themselves with fresh accounts and symbols.
 */
@SpringBootTest(classes = PositionTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PositionIT {

    private static final AtomicLong POSITIONS = new AtomicLong(1);

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
    @Qualifier("recordPositionFills")
    Consumer<List<byte[]>> recordPositionFills;

    @Autowired
    @Qualifier("projectPositions")
    Consumer<List<byte[]>> projectPositions;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    /** A user with a token and one account of theirs. */
    record Trader(String userId, String accountId, String token) {
    }

    Trader trader() {
        String userId = UUID.randomUUID().toString();
        return new Trader(userId, UUID.randomUUID().toString(), tokens.issue(userId, "u" + userId.substring(0, 8),
                Set.of()).access_token());
    }

    String adminToken() {
        return tokens.issue(UUID.randomUUID().toString(), "root-admin", Set.of("admin")).access_token();
    }

    static String symbol() {
        return "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** {@code virtual-broker.order-filled} for one fill of a one-fill order, as the relay writes it to Kafka. */
    static byte[] filled(Trader trader, String symbol, String side, String quantity, String price) {
        String orderId = UUID.randomUUID().toString();
        return filled(trader, symbol, UUID.randomUUID().toString(), orderId, side, quantity, price);
    }

    static byte[] filled(Trader trader, String symbol, String fillId, String orderId, String side, String quantity,
                         String price) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderId", orderId);
        payload.put("accountId", trader.accountId());
        payload.put("userId", trader.userId());
        payload.put("fillId", fillId);
        payload.put("symbol", symbol);
        payload.put("side", side);
        payload.put("quantity", new BigDecimal(quantity));
        payload.put("price", new BigDecimal(price));
        payload.put("commission", new BigDecimal("1.00"));
        payload.put("leavesQuantity", BigDecimal.ZERO);
        payload.put("at", Instant.now().toString());
        return envelope("vb-order-" + orderId, 2, "virtual-broker.order-filled", trader.userId(), payload);
    }

    /** {@code virtual-broker.price-ticked}, the {@code sequence}th tick of the symbol's stream. */
    static byte[] ticked(String symbol, long sequence, String price) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("symbol", symbol);
        payload.put("price", new BigDecimal(price));
        payload.put("sequence", sequence);
        payload.put("at", Instant.now().toString());
        return envelope("vb-symbol-" + symbol, sequence, "virtual-broker.price-ticked", null, payload);
    }

    /** The shape of {@code EventCodec.toMessage}. */
    static byte[] envelope(String streamId, long version, String type, String userId, Map<String, Object> payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("streamId", streamId);
        envelope.put("streamType", "virtual_broker");
        envelope.put("version", version);
        envelope.put("position", POSITIONS.getAndIncrement());
        envelope.put("type", type);
        envelope.put("schemaVersion", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("correlationId", UUID.randomUUID().toString());
        envelope.put("causationId", UUID.randomUUID().toString());
        if (userId != null) {
            envelope.put("userId", userId);
        }
        envelope.put("payload", payload);
        return TestHttp.json(envelope).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    void deliver(byte[]... fills) {
        recordPositionFills.accept(List.of(fills));
    }

    String positionPath(Trader trader, String symbol) {
        return "/api/positions/" + trader.accountId() + "/" + symbol;
    }

    /** Polls a GET (bounded) until its answer passes {@code done}; the projector runs behind Kafka. */
    TestHttp.Response eventually(String path, String token, Predicate<TestHttp.Response> done) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get(path, token), done::test);
    }

    static Predicate<TestHttp.Response> showing(String field, String value) {
        return response -> response.status() == 200 && response.body().get(field) != null
                && !response.body().get(field).isNull()
                && response.body().get(field).decimalValue().compareTo(new BigDecimal(value)) == 0;
    }

    static BigDecimal decimal(JsonNode node, String field) {
        return node.get(field).decimalValue();
    }

    long eventsIn(String streamId) {
        return jdbc.sql("SELECT count(*) FROM event_store_events WHERE stream_id = ?").param(streamId)
                .query(Long.class).single();
    }

    static String streamOf(Trader trader, String symbol) {
        return "position-" + trader.accountId() + "-" + symbol;
    }
}
