package io.tradecore.virtualbroker;

import io.tradecore.kernel.security.TokenService;
import io.tradecore.kernel.testing.TestClock;
import io.tradecore.kernel.testing.TestHttp;
import io.tradecore.kernel.testing.TestStack;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of virtual_broker's integration tests: one Spring context for all (same configuration, so Spring's context
 * cache shares it) on a fresh schema and topic prefix, against real PostgreSQL, Kafka and Redis. Every test trades
 * its own symbols, so their ticks never reach each other's orders. Frictions are on: 10 bps slippage, a cent a
 * share with a dollar minimum.
 */
@SpringBootTest(classes = VirtualBrokerTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tradecore.virtual-broker.slippage-bps=10", "tradecore.virtual-broker.commission-per-share=0.01",
                "tradecore.virtual-broker.commission-minimum=1.00"})
abstract class VirtualBrokerIT {

    static String isolation;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        isolation = TestStack.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TokenService tokens;

    @Autowired
    TestClock clock;

    @Autowired
    @Qualifier("routeApprovedOrders")
    Consumer<List<byte[]>> routeApprovedOrders;

    @Autowired
    @Qualifier("relayOrderRequests")
    Consumer<List<byte[]>> relayOrderRequests;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    String adminToken() {
        return tokens.issue(UUID.randomUUID().toString(), "root-admin", Set.of("admin")).access_token();
    }

    String userToken() {
        return tokens.issue(UUID.randomUUID().toString(), "trader", Set.of()).access_token();
    }

    TestHttp.Response tick(String symbol, String price) {
        return http.post("/api/market/ticks", adminToken(),
                TestHttp.json(Map.of("symbol", symbol, "price", new BigDecimal(price))));
    }

    /** A Kafka record value shaped as the relay writes it (EventCodec.toMessage). */
    byte[] envelope(String type, String streamType, String streamId, String userId, Map<String, Object> payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("streamId", streamId);
        envelope.put("streamType", streamType);
        envelope.put("version", 1);
        envelope.put("position", 1);
        envelope.put("type", type);
        envelope.put("schemaVersion", 1);
        envelope.put("occurredAt", clock.instant().toString());
        envelope.put("correlationId", UUID.randomUUID().toString());
        envelope.put("causationId", UUID.randomUUID().toString());
        envelope.put("userId", userId);
        envelope.put("payload", payload);
        return TestHttp.json(envelope).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** An order as broker_account approves it; prices and trails given as name-value pairs ("limitPrice", "119"). */
    record Approval(UUID orderId, UUID accountId, String userId, Map<String, Object> payload) {

        static Approval of(String broker, String symbol, String side, String quantity, String type, String timeInForce,
                           String... prices) {
            UUID orderId = UUID.randomUUID();
            UUID accountId = UUID.randomUUID();
            String userId = UUID.randomUUID().toString();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("accountId", accountId.toString());
            payload.put("userId", userId);
            payload.put("broker", broker);
            payload.put("orderId", orderId.toString());
            payload.put("clientOrderId", "client-" + orderId);
            payload.put("symbol", symbol);
            payload.put("side", side);
            payload.put("quantity", new BigDecimal(quantity));
            payload.put("type", type);
            for (int i = 0; i + 1 < prices.length; i += 2) {
                payload.put(prices[i], new BigDecimal(prices[i + 1]));
            }
            payload.put("timeInForce", timeInForce);
            payload.put("reservedCash", new BigDecimal("1000.00"));
            payload.put("reservedQuantity", BigDecimal.ZERO);
            payload.put("at", "2026-01-05T15:00:00Z");
            return new Approval(orderId, accountId, userId, payload);
        }

        String stream() {
            return "vb-order-" + orderId;
        }
    }

    byte[] approved(Approval approval) {
        return envelope("account.order-approved", "broker_account", "account-" + approval.accountId(),
                approval.userId(), approval.payload());
    }

    void approve(Approval approval) {
        routeApprovedOrders.accept(List.of(approved(approval)));
    }

    List<String> eventTypes(String streamId) {
        return jdbc.sql("SELECT event_type FROM event_store_events WHERE stream_id = ? ORDER BY version")
                .param(streamId).query(String.class).list();
    }

    /** One field of the payload of the event of {@code type} in {@code streamId}. */
    String payloadField(String streamId, String type, String field) {
        return jdbc.sql("SELECT payload ->> ? FROM event_store_events WHERE stream_id = ? AND event_type = ? ORDER BY version LIMIT 1")
                .params(field, streamId, type).query(String.class).single();
    }
}
