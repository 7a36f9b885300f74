package io.tradecore.localdev.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradecore.kernel.testing.TestHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * Read-model maintenance on the whole stack: an integrity check finds a row changed behind the projector's back,
 * reports it (query and {@code alerts.data-integrity}), and a repair restores it; a rebuild of {@code orders} while
 * queries run in a loop loses no query and leaves the same contents.
 */
class ReadModelMaintenanceIT extends TradingIT {

    @Value("${tradecore.kafka.topic-prefix}")
    String topicPrefix;

    @Value("${tradecore.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void a_check_reports_a_row_changed_behind_the_projector_and_a_repair_restores_it() {
        User user = register();
        String account = fundedAccount(user, "10000", false);
        String symbol = "META";
        tickAndWait(symbol, "50");
        String filled = placeOk(user, order(account, symbol, "buy", "5", "market", "day"));
        String resting = placeOk(user, order(account, symbol, "buy", "5", "limit", "gtc", "limitPrice", "10"));
        awaitOrderStatus(user, filled, "filled");
        awaitOrderStatus(user, resting, "accepted");
        awaitOrdersCaughtUp();
        String original = orderRow(filled);

        int changed = jdbc.sql("UPDATE orders SET status = 'canceled', filled_quantity = 999 WHERE order_id = ?::uuid")
                .param(filled).update();
        assertThat(changed).isEqualTo(1);

        JsonNode check = finished(start("/api/operations/integrity-checks", "orders"));
        assertThat(check.get("phase").asString()).isEqualTo("done");
        assertThat(check.get("differences").asLong()).isEqualTo(1);

        var issues = http.get("/api/operations/integrity-issues?projection=orders", adminToken());
        assertThat(issues.status()).as(issues.toString()).isEqualTo(200);
        assertThat(issues.body().size()).as(issues.raw()).isEqualTo(1);
        JsonNode issue = issues.body().get(0);
        assertThat(issue.get("table").asString()).isEqualTo("orders");
        assertThat(issue.get("kind").asString()).isEqualTo("different");
        assertThat(issue.get("rowKey").get("order_id").asString()).isEqualTo(filled);
        assertThat(issue.get("columns").toString()).contains("status").contains("filled_quantity");
        assertThat(issue.get("liveRow").get("status").asString()).isEqualTo("canceled");
        assertThat(issue.get("expectedRow").get("status").asString()).isEqualTo("filled");
        JsonNode alert = awaitAlert(issue.get("issueId").asString());
        assertThat(alert.get("projection").asString()).isEqualTo("orders");
        assertThat(alert.get("rowKey").get("order_id").asString()).isEqualTo(filled);

        JsonNode repair = finished(start("/api/operations/read-models/repair", "orders"));
        assertThat(repair.get("phase").asString()).as(repair.toString()).isEqualTo("done");
        assertThat(orderRow(filled)).isEqualTo(original);
        var open = http.get("/api/operations/integrity-issues?projection=orders", adminToken());
        assertThat(open.body().size()).as(open.raw()).isZero();
        var resolved = http.get("/api/operations/integrity-issues?projection=orders&status=resolved", adminToken());
        assertThat(resolved.raw()).contains(issue.get("issueId").asString()).contains("repair:");
        // The API serves the repaired row (the repair dropped the cached one).
        awaitOrderStatus(user, filled, "filled");
    }

    @Test
    void a_rebuild_of_orders_while_queries_run_fails_no_query_and_keeps_the_contents() throws Exception {
        User user = register();
        String account = fundedAccount(user, "100000", false);
        String symbol = "META";
        tickAndWait(symbol, "20");
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(placeOk(user, i % 2 == 0 ? order(account, symbol, "buy", "3", "market", "day")
                    : order(account, symbol, "buy", "3", "limit", "gtc", "limitPrice", "5")));
        }
        // Every order at rest (the market orders' fills come from the broker after their acceptance; one arriving
        // during the rebuild would change the contents compared below).
        for (int i = 0; i < orders.size(); i++) {
            awaitOrderStatus(user, orders.get(i), i % 2 == 0 ? "filled" : "accepted");
        }
        awaitOrdersCaughtUp();
        String before = contents();
        long tableBefore = jdbc.sql("SELECT 'orders'::regclass::oid::bigint").query(Long.class).single();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong answered = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            int reader = r;
            readers.add(Thread.ofPlatform().start(() -> {
                TestHttp client = new TestHttp(port);
                while (running.get()) {
                    try {
                        var answer = reader == 0 ? client.get("/api/orders?accountId=" + account, user.token())
                                : client.get("/api/orders/" + orders.get((int) (answered.get() % orders.size())), user.token());
                        if (answer.status() != 200) {
                            failures.add(answer.toString());
                        }
                        long count = jdbc.sql("SELECT count(*) FROM orders o JOIN order_fills f USING (order_id)")
                                .query(Long.class).single();
                        if (count < 0) {
                            failures.add("negative count");
                        }
                        answered.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                }
            }));
        }
        await().atMost(PATIENCE).until(() -> answered.get() > 20);
        long answeredBeforeRebuild = answered.get();
        JsonNode rebuild = finished(start("/api/operations/read-models/rebuild", "orders"));
        long answeredDuringRebuild = answered.get() - answeredBeforeRebuild;
        running.set(false);
        for (Thread reader : readers) {
            reader.join();
        }

        assertThat(rebuild.get("phase").asString()).as(rebuild.toString()).isEqualTo("done");
        assertThat(rebuild.get("eventsApplied").asLong()).isGreaterThanOrEqualTo(orders.size());
        assertThat(failures).isEmpty();
        assertThat(answeredDuringRebuild).isPositive();
        assertThat(jdbc.sql("SELECT 'orders'::regclass::oid::bigint").query(Long.class).single())
                .as("a new table was swapped in").isNotEqualTo(tableBefore);
        assertThat(contents()).isEqualTo(before);
        // Indexes keep their names, and the projector goes on from the swapped checkpoints.
        assertThat(jdbc.sql("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() "
                + "AND indexname IN ('orders_by_owner', 'orders_by_account', 'orders_pkey')").query(Long.class).single())
                .isEqualTo(3);
        String after = placeOk(user, order(account, symbol, "buy", "1", "market", "day"));
        awaitOrderStatus(user, after, "filled");
    }

    /** Starts a run as the administrator; answers its location (202). */
    private String start(String path, String projection) {
        var started = http.post(path, adminToken(), TestHttp.json(Map.of("projection", projection)));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.header("Location")).isPresent();
        return started.header("Location").orElseThrow();
    }

    private JsonNode finished(String location) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            var progress = http.get(location, adminToken());
            assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
            last[0] = progress.body();
            assertThat(progress.body().get("finishedAt").isNull()).as(progress.raw()).isFalse();
        });
        return last[0];
    }

    /** Until every order stream's events are in the read model (nothing in flight that a comparison could see). */
    private void awaitOrdersCaughtUp() {
        await().atMost(PATIENCE).until(() -> jdbc.sql("""
                        SELECT count(*) FROM (SELECT stream_id, max(version) AS version FROM event_store_events
                                               WHERE stream_type = 'order' GROUP BY stream_id) e
                          LEFT JOIN projection_checkpoints c ON c.projection = 'orders' AND c.stream_id = e.stream_id
                         WHERE COALESCE(c.version, 0) <> e.version""").query(Long.class).single() == 0);
    }

    private String orderRow(String orderId) {
        return jdbc.sql("SELECT to_jsonb(o)::text FROM orders o WHERE order_id = ?::uuid").param(orderId)
                .query(String.class).single();
    }

    private String contents() {
        return String.join("\n", jdbc.sql("SELECT to_jsonb(o)::text FROM orders o ORDER BY order_id")
                .query(String.class).list()) + "\n--\n" + String.join("\n",
                jdbc.sql("SELECT to_jsonb(f)::text FROM order_fills f ORDER BY order_id, fill_id")
                        .query(String.class).list());
    }

    private JsonNode awaitAlert(String issueId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, JsonNode> seen = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topicPrefix + "alerts.data-integrity"));
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode alert = TestHttp.JSON_READER.readTree(record.value());
                    seen.put(alert.get("issueId").asString(), alert);
                }
                return seen.containsKey(issueId);
            });
        }
        return seen.get(issueId);
    }
}
