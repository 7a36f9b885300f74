package io.tradecore.localdev.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradecore.kernel.testing.TestClock;
import io.tradecore.kernel.testing.TestHttp;
import io.tradecore.kernel.testing.TestStack;
import io.tradecore.localdev.LocalStack;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of the trading core's end-to-end tests: every module in one context, as the local stack runs them, on a fresh
 * schema and topic prefix, against real PostgreSQL, Kafka and Redis; everything goes through the HTTP gateway and
 * the event bus. The virtual broker is set to no slippage, a commission of 0.01 per share with a 1.00 minimum, and
 * at most 100 shares per order per tick, so fills are hand-computable. Tests isolate themselves by fresh users and
 * accounts, and by symbols of their own where prices matter.
 */
@SpringBootTest(classes = LocalStack.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tradecore.security.admin-usernames=root-admin",
        "tradecore.virtual-broker.slippage-bps=0",
        "tradecore.virtual-broker.commission-per-share=0.01",
        "tradecore.virtual-broker.commission-minimum=1.00",
        "tradecore.virtual-broker.max-fill-quantity-per-tick=100"})
@Import(TradingIT.Clocks.class)
abstract class TradingIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String PASSWORD = "correct horse battery";
    private static final Map<Integer, String> ADMIN_TOKENS = new ConcurrentHashMap<>();

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(Instant.now());
        }
    }

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry);
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

    record User(String id, String token) {
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    User register() {
        return register(unique("t"));
    }

    User register(String username) {
        var created = http.post("/api/users/create", null, TestHttp.json(
                Map.of("username", username, "email", username + "@example.com", "password", PASSWORD)));
        assertThat(created.status()).as(created.toString()).isIn(201, 409);
        var issued = http.post("/api/auth/token", null, TestHttp.json(Map.of("username", username, "password", PASSWORD)));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        return new User(created.text("streamId"), issued.text("access_token"));
    }

    /** Market data comes from an administrator; signed in once per context (each sign-in is an Argon2 hash). */
    String adminToken() {
        return ADMIN_TOKENS.computeIfAbsent(port, p -> register("root-admin").token());
    }

    /** A paper account of the user's, funded with {@code cash}, readable with that balance. */
    String fundedAccount(User user, String cash, boolean allowShorting) {
        var opened = http.post("/api/accounts/open", user.token(), TestHttp.json(
                Map.of("name", "paper", "allowShorting", allowShorting)));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String accountId = idOf(opened, "account-");
        var deposited = http.post("/api/accounts/" + accountId + "/deposit", user.token(),
                TestHttp.json(Map.of("amount", new BigDecimal(cash))));
        assertThat(deposited.status()).as(deposited.toString()).isEqualTo(200);
        awaitAccount(user, accountId, account -> decimal(account, "buyingPower").compareTo(new BigDecimal(cash)) == 0);
        return accountId;
    }

    void tick(String symbol, String price) {
        var ticked = http.post("/api/market/ticks", adminToken(), TestHttp.json(Map.of("symbol", symbol, "price", new BigDecimal(price))));
        assertThat(ticked.status()).as(ticked.toString()).isIn(200, 201);
    }

    /** Ticks and waits until the instrument's last price shows it, so a following order sees it. */
    void tickAndWait(String symbol, String price) {
        tick(symbol, price);
        await().atMost(PATIENCE).until(() -> {
            var instrument = http.get("/api/market/instruments/" + symbol, adminToken());
            return instrument.status() == 200 && instrument.body().get("lastPrice") != null
                    && !instrument.body().get("lastPrice").isNull()
                    && new BigDecimal(instrument.body().get("lastPrice").asString()).compareTo(new BigDecimal(price)) == 0;
        });
    }

    TestHttp.Response place(User user, Map<String, Object> order) {
        return http.post("/api/orders/place", user.token(), TestHttp.json(order));
    }

    String placeOk(User user, Map<String, Object> order) {
        var placed = place(user, order);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return idOf(placed, "order-");
    }

    /** An order body; {@code extra} are field/value pairs (prices given as strings become numbers). */
    static Map<String, Object> order(String accountId, String symbol, String side, String quantity, String type,
                                     String timeInForce, Object... extra) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("accountId", accountId);
        order.put("symbol", symbol);
        order.put("side", side);
        order.put("quantity", new BigDecimal(quantity));
        order.put("type", type);
        order.put("timeInForce", timeInForce);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            String field = (String) extra[i];
            boolean number = field.endsWith("Price") || field.startsWith("trail");
            order.put(field, number && extra[i + 1] instanceof String s ? new BigDecimal(s) : extra[i + 1]);
        }
        return order;
    }

    JsonNode awaitOrder(User user, String orderId, Predicate<JsonNode> condition) {
        return awaitJson("/api/orders/" + orderId, user, condition);
    }

    JsonNode awaitOrderStatus(User user, String orderId, String status) {
        return awaitOrder(user, orderId, order -> status.equals(order.get("status").asString()));
    }

    JsonNode awaitAccount(User user, String accountId, Predicate<JsonNode> condition) {
        return awaitJson("/api/accounts/" + accountId, user, condition);
    }

    JsonNode awaitPosition(User user, String accountId, String symbol, Predicate<JsonNode> condition) {
        return awaitJson("/api/positions/" + accountId + "/" + symbol, user, condition);
    }

    /** The account's closed positions (the {@code items} of the first page), once {@code count} are there. */
    JsonNode awaitClosedPositions(User user, String accountId, int count) {
        return awaitJson("/api/positions/closed?accountId=" + accountId, user, page -> page.get("items").size() == count)
                .get("items");
    }

    JsonNode awaitJson(String path, User user, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            var response = http.get(path, user.token());
            last[0] = response.body();
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(condition.test(response.body())).as("%s: %s", path, response.raw()).isTrue();
        });
        return last[0];
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : new BigDecimal(value.asString());
    }

    static boolean equal(JsonNode node, String field, String expected) {
        BigDecimal value = decimal(node, field);
        return value != null && value.compareTo(new BigDecimal(expected)) == 0;
    }

    /** The id in a command result's stream id ({@code order-…}, {@code account-…}, or the bare id). */
    static String idOf(TestHttp.Response created, String prefix) {
        String stream = created.text("streamId");
        return stream.startsWith(prefix) ? stream.substring(prefix.length()) : stream;
    }

    long orderEventsOf(String accountId) {
        return jdbc.sql("SELECT count(*) FROM event_store_events WHERE stream_type = 'order' AND payload->>'accountId' = ?")
                .param(accountId).query(Long.class).single();
    }
}
