package io.tradecore.localdev.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tradecore.kernel.testing.TestHttp;
import io.tradecore.kernel.testing.TestStack;
import io.tradecore.localdev.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The history sync end to end, every module in one context as the local stack runs them, against real PostgreSQL,
 * Kafka and Redis: a user connects an Alpaca-style broker (a local HTTP stub that pages its history two records at a
 * time, records strictly after {@code after}), broker_account opens the connected account, the user asks for a sync,
 * the worker brings the broker's orders, fills and balance in through the real REST adapter and the connection's
 * sealed credentials; order mirrors the broker's orders as imported orders (never routed, no buying power held),
 * position nets the imported fills and the account shows the broker's balance. A second sync changes nothing; a
 * later sync that looks back and finds one order's status changed records just that change.
 */
@SpringBootTest(classes = LocalStack.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DataSyncFlowIT {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String PASSWORD = "correct horse battery";
    static final Instant START = Instant.parse("2026-03-02T14:30:00Z");
    static final HistoryStub BROKER = HistoryStub.start();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry);
        registry.add("tradecore.broker-connection.alpaca-base-url", BROKER::baseUrl);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.server.stop(0);
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

    @Test
    void a_connected_accounts_history_reaches_its_positions_once() {
        String token = connectedUser();
        String accountId = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> connectedAccount(token), id -> id != null);

        var requested = http.post("/api/sync/request", token, TestHttp.json(Map.of("accountId", accountId)));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        awaitGet("/api/sync/accounts/" + accountId, token, status -> completedRuns(status) == 1);
        var position = awaitGet("/api/positions/" + accountId + "/ACME", token,
                p -> p.body().get("quantity").decimalValue().compareTo(new BigDecimal("5")) == 0);
        // 15 bought at 100.333..., 8 sold at 103.50 and 2 at 104.00
        assertThat(position.body().get("realizedPnl").decimalValue())
                .isCloseTo(new BigDecimal("32.67"), org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
        long positionEvents = eventsOf("position-" + accountId + "-ACME");
        assertThat(positionEvents).isEqualTo(4);
        assertThat(importsOf(accountId)).isEqualTo(10);

        var again = http.post("/api/sync/request", token, TestHttp.json(Map.of("accountId", accountId)));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        var status = awaitGet("/api/sync/accounts/" + accountId, token, s -> completedRuns(s) == 2);
        assertThat(status.body().get("runs").get(0).get("fillsImported").asInt()).isZero();
        assertThat(importsOf(accountId)).isEqualTo(10);
        assertThat(eventsOf("position-" + accountId + "-ACME")).isEqualTo(positionEvents);
        assertThat(BROKER.ordersAskedAfter).contains(START.plusSeconds(240).toString()); // the second run's cursor
    }

    @Test
    void a_connected_accounts_orders_and_balance_reach_their_domains_once_and_a_later_change_once() {
        String token = connectedUser();
        String accountId = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> connectedAccount(token), id -> id != null);

        sync(token, accountId, null, 1);
        var orders = awaitGet("/api/orders?accountId=" + accountId, token, o -> o.body().get("total").asLong() == 5);
        var account = awaitGet("/api/accounts/" + accountId, token, a -> !a.body().get("balanceSyncedAt").isNull());
        assertThat(account.body().get("cash").decimalValue()).isEqualByComparingTo("5033.00");
        assertThat(account.body().get("buyingPower").decimalValue()).isEqualByComparingTo("5033.00");
        assertThat(account.body().get("equity").decimalValue()).isEqualByComparingTo("5533.00");
        String o5 = null;
        for (var order : orders.body().get("items")) {
            assertThat(order.get("brokerOrderId").asString()).startsWith("o-");
            o5 = "o-5".equals(order.get("brokerOrderId").asString()) ? order.get("orderId").asString() : o5;
        }
        assertThat(o5).isNotNull();
        var cancel = http.post("/api/orders/" + o5 + "/cancel", token, "{}");
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(409);
        assertThat(cancel.text("code")).isEqualTo("order-imported");
        assertThat(orderEventsOf(accountId)).containsOnly("order.imported").hasSize(5);
        assertThat(accountEventsOf(accountId, "account.balance-synced")).isEqualTo(1);

        sync(token, accountId, null, 2);
        assertThat(orderEventsOf(accountId)).containsOnly("order.imported").hasSize(5);
        assertThat(accountEventsOf(accountId, "account.balance-synced")).isEqualTo(1);

        BROKER.orders.get(4).put("status", "canceled");
        BROKER.orders.get(4).put("updated_at", START.plusSeconds(900).toString());
        try {
            sync(token, accountId, START.minusSeconds(60), 3);
        } finally {
            BROKER.orders.get(4).put("status", "new");
            BROKER.orders.get(4).put("updated_at", START.plusSeconds(241).toString());
        }
        var canceled = awaitGet("/api/orders/" + o5, token, o -> "canceled".equals(o.body().get("status").asString()));
        assertThat(canceled.body().get("canceledAt").asString()).isEqualTo(START.plusSeconds(900).toString());
        assertThat(orderEventsOf(accountId)).filteredOn("order.import-updated"::equals).hasSize(1);
        assertThat(orderEventsOf(accountId)).hasSize(6).doesNotContain("order.placed");
        assertThat(accountEventsOf(accountId, "account.balance-synced")).isEqualTo(1);
        assertThat(accountEventsOf(accountId, "account.order-approved")).isZero();
    }

    String connectedUser() {
        String username = "sync" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        var created = http.post("/api/users/create", null, TestHttp.json(
                Map.of("username", username, "email", username + "@example.com", "password", PASSWORD)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = http.post("/api/auth/token", null, TestHttp.json(Map.of("username", username,
                "password", PASSWORD))).text("access_token");
        var connect = http.post("/api/connections/connect", token, TestHttp.json(Map.of("broker", "alpaca",
                "keyId", "key-" + username, "secret", "secret-" + username)));
        assertThat(connect.status()).as(connect.toString()).isIn(201, 202);
        return token;
    }

    /** Asks for a sync (looking back to {@code since} when given) and waits until it is the account's n-th completed run. */
    void sync(String token, String accountId, Instant since, int run) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("accountId", accountId);
        if (since != null) {
            request.put("since", since.toString());
        }
        var requested = http.post("/api/sync/request", token, TestHttp.json(request));
        assertThat(requested.status()).as(requested.toString()).isIn(200, 201);
        awaitGet("/api/sync/accounts/" + accountId, token, status -> completedRuns(status) == run);
    }

    List<String> orderEventsOf(String accountId) {
        return jdbc.sql("""
                        SELECT event_type FROM event_store_events
                         WHERE stream_type = 'order' AND payload->>'accountId' = :a ORDER BY global_position""")
                .param("a", accountId).query(String.class).list();
    }

    long accountEventsOf(String accountId, String type) {
        return jdbc.sql("SELECT count(*) FROM event_store_events WHERE stream_id = :s AND event_type = :t")
                .param("s", "account-" + accountId).param("t", type).query(Long.class).single();
    }

    String connectedAccount(String token) {
        var accounts = http.get("/api/accounts", token);
        if (accounts.status() != 200) {
            return null;
        }
        for (var account : accounts.body().get("items")) {
            if ("alpaca".equals(account.get("broker").asString())) {
                return account.get("accountId").asString();
            }
        }
        return null;
    }

    TestHttp.Response awaitGet(String path, String token, Predicate<TestHttp.Response> done) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get(path, token), r -> r.status() == 200 && done.test(r));
    }

    static long completedRuns(TestHttp.Response status) {
        long completed = 0;
        for (var run : status.body().get("runs")) {
            completed += "completed".equals(run.get("status").asString()) ? 1 : 0;
        }
        return completed;
    }

    long eventsOf(String streamId) {
        return jdbc.sql("SELECT count(*) FROM event_store_events WHERE stream_id = :s").param("s", streamId)
                .query(Long.class).single();
    }

    long importsOf(String accountId) {
        return jdbc.sql("""
                        SELECT count(*) FROM event_store_events WHERE stream_id = :s AND event_type IN
                        ('sync.order-imported', 'sync.order-updated', 'sync.fill-imported', 'sync.balance-observed')""")
                .param("s", "sync-" + accountId).query(Long.class).single();
    }

    /**
     * An Alpaca-style broker with a fixed history for every login: five orders, four fills and a deposit, paged two
     * records at a time after {@code after}; sessions and accounts as the connection saga needs them.
     */
    static final class HistoryStub {
        final HttpServer server;
        final List<String> ordersAskedAfter = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Map<String, Object>> orders = new ArrayList<>();
        final List<Map<String, Object>> activities = new ArrayList<>();

        private HistoryStub(HttpServer server) {
            this.server = server;
            String[][] history = {
                    {"o-1", "0", "buy", "10", "filled", "100.00"}, {"o-2", "60", "buy", "5", "filled", "101.00"},
                    {"o-3", "120", "sell", "8", "filled", "103.50"}, {"o-4", "180", "sell", "2", "filled", "104.00"},
                    {"o-5", "240", "buy", "3", "new", null}};
            for (String[] h : history) {
                Instant at = START.plusSeconds(Long.parseLong(h[1]));
                Map<String, Object> order = new LinkedHashMap<>();
                order.put("id", h[0]);
                order.put("client_order_id", "c-" + h[0]);
                order.put("symbol", "ACME");
                order.put("side", h[2]);
                order.put("qty", h[3]);
                order.put("type", "market");
                order.put("time_in_force", "day");
                order.put("status", h[4]);
                order.put("filled_qty", h[5] == null ? "0" : h[3]);
                order.put("filled_avg_price", h[5]);
                order.put("submitted_at", at.toString());
                order.put("updated_at", at.plusSeconds(1).toString());
                orders.add(order);
                if (h[5] != null) {
                    Map<String, Object> fill = new LinkedHashMap<>();
                    fill.put("id", "f-" + h[0]);
                    fill.put("activity_type", "fill");
                    fill.put("order_id", h[0]);
                    fill.put("symbol", "ACME");
                    fill.put("side", h[2]);
                    fill.put("qty", h[3]);
                    fill.put("price", h[5]);
                    fill.put("net_amount", "0");
                    fill.put("transaction_time", at.plusSeconds(1).toString());
                    activities.add(fill);
                }
            }
            activities.add(Map.of("id", "d-1", "activity_type", "deposit", "net_amount", "5000.00",
                    "transaction_time", START.minusSeconds(60).toString()));
            activities.sort(Comparator.comparing(a -> (String) a.get("transaction_time")));
        }

        static HistoryStub start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                HistoryStub stub = new HistoryStub(server);
                server.createContext("/", stub::handle);
                server.start();
                return stub;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String after = query(exchange, "after");
            Object answer;
            if (method.equals("GET") && path.equals("/v2/account")) {
                answer = account();
            } else if (method.equals("POST") && path.equals("/v2/sessions")) {
                answer = Map.of("id", "s-" + UUID.randomUUID());
            } else if (method.equals("GET") && path.endsWith("/accounts")) {
                answer = List.of(account());
            } else if (path.startsWith("/v2/sessions/")) {
                answer = Map.of();
            } else if (method.equals("GET") && path.equals("/v2/orders")) {
                ordersAskedAfter.add(after);
                answer = page(orders, "submitted_at", after);
            } else if (method.equals("GET") && path.equals("/v2/account/activities")) {
                answer = page(activities, "transaction_time", after);
            } else if (method.equals("GET") && path.equals("/v2/positions")) {
                answer = List.of();
            } else {
                send(exchange, 404, "{\"message\":\"not found\"}");
                return;
            }
            send(exchange, 200, TestHttp.json(answer));
        }

        private static Map<String, Object> account() {
            return Map.of("account_number", "PA-1", "status", "ACTIVE", "currency", "USD", "cash", "5033.00",
                    "buying_power", "5033.00", "equity", "5533.00");
        }

        private static List<Map<String, Object>> page(List<Map<String, Object>> records, String time, String after) {
            Instant from = after == null ? Instant.EPOCH : Instant.parse(after);
            return records.stream().filter(r -> Instant.parse((String) r.get(time)).isAfter(from)).limit(2).toList();
        }

        private static String query(HttpExchange exchange, String name) {
            String query = exchange.getRequestURI().getRawQuery();
            if (query == null) {
                return null;
            }
            for (String part : query.split("&")) {
                if (part.startsWith(name + "=")) {
                    return URLDecoder.decode(part.substring(name.length() + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        private static void send(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
