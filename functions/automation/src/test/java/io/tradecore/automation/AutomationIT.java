package io.tradecore.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradecore.contracts.standin.StandInMarket;
import io.tradecore.kernel.security.TokenService;
import io.tradecore.kernel.testing.TestClock;
import io.tradecore.kernel.testing.TestHttp;
import io.tradecore.kernel.testing.TestStack;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
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
 * Base of automation's integration tests: one Spring context on a fresh schema and topic prefix, against real
 * PostgreSQL, Kafka and Redis. The virtual broker is not deployed here: its price ticks are published to
 * {@code transport.virtual_broker} as the relay writes them (envelope JSON, key = the symbol's stream), or handed to
 * the policy function directly where a test needs an exact delivery (a redelivery, an overtaken tick);
 * {@code getInstrument} and {@code getAccountById} are answered by the stand-ins of {@code io.tradecore.contracts.standin} (shared test-jar). Automation's own
 * events travel for real: event store, outbox relay, Kafka, projector, {@code alerts.price}.
 */
@SpringBootTest(classes = AutomationTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AutomationIT.Clocks.class)
abstract class AutomationIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final AtomicLong POSITIONS = new AtomicLong(1);

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

    @Autowired
    TokenService tokens;

    @Autowired
    StandInMarket market;

    @Autowired
    TestClock clock;

    @Autowired
    @Qualifier("evaluateAlerts")
    Consumer<List<byte[]>> evaluateAlerts;

    @Value("${tradecore.kafka.bootstrap-servers}")
    String brokers;

    @Value("${tradecore.kafka.topic-prefix}")
    String prefix;

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

    /** A listed symbol of the test's own, with a last price (or none). */
    String listed(String lastPrice) {
        String symbol = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
        market.list(symbol, lastPrice);
        return symbol;
    }

    TestHttp.Response create(User user, Map<String, Object> alert) {
        return http.post("/api/alerts/create", user.token(), TestHttp.json(alert));
    }

    String createOk(User user, Map<String, Object> alert) {
        var created = create(user, alert);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.text("alertId");
    }

    /** An alert body; {@code extra} are field/value pairs (decimal strings for prices and percents become numbers). */
    static Map<String, Object> alert(String symbol, String condition, Object... extra) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("symbol", symbol);
        alert.put("condition", condition);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            String field = (String) extra[i];
            boolean number = field.equals("threshold") || field.equals("percent") || field.equals("referencePrice");
            alert.put(field, number && extra[i + 1] instanceof String s ? new BigDecimal(s) : extra[i + 1]);
        }
        return alert;
    }

    /** {@code virtual-broker.price-ticked}, the {@code sequence}th tick of the symbol, as the relay writes it. */
    static byte[] ticked(String symbol, long sequence, String price) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("symbol", symbol);
        payload.put("price", new BigDecimal(price));
        payload.put("sequence", sequence);
        payload.put("at", Instant.now().toString());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("streamId", "vb-symbol-" + symbol);
        envelope.put("streamType", "virtual_broker");
        envelope.put("version", sequence);
        envelope.put("position", POSITIONS.getAndIncrement());
        envelope.put("type", "virtual-broker.price-ticked");
        envelope.put("schemaVersion", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("correlationId", UUID.randomUUID().toString());
        envelope.put("causationId", UUID.randomUUID().toString());
        envelope.put("payload", payload);
        return TestHttp.json(envelope).getBytes(StandardCharsets.UTF_8);
    }

    /** Publishes ticks to the prefixed {@code transport.virtual_broker}, keyed by the symbol's stream, in order. */
    void publishTicks(String symbol, String... prices) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < prices.length; i++) {
                producer.send(new ProducerRecord<>(prefix + "transport.virtual_broker", "vb-symbol-" + symbol,
                        ticked(symbol, i + 1, prices[i]))).get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish ticks", e);
        }
    }

    JsonNode awaitAlert(User user, String alertId, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            var response = http.get("/api/alerts/" + alertId, user.token());
            last[0] = response.body();
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(condition.test(response.body())).as(response.raw()).isTrue();
        });
        return last[0];
    }

    long triggeredEvents(String alertId) {
        return jdbc.sql("""
                        SELECT count(*) FROM event_store_events
                         WHERE event_type = 'alert.triggered' AND payload->>'alertId' = ?""")
                .param(alertId).query(Long.class).single();
    }

    long alertEvents(String symbol) {
        return jdbc.sql("SELECT count(*) FROM event_store_events WHERE stream_id = ?").param("alert-book-" + symbol)
                .query(Long.class).single();
    }

    /** The payloads of {@code type} events on a prefixed topic for the given alert, read with a fresh group. */
    List<JsonNode> onTopic(String topic, String type, String alertId, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonNode> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(prefix + topic));
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode envelope = TestHttp.JSON_READER.readTree(record.value());
                    if (type.equals(envelope.get("type").asString())
                            && alertId.equals(envelope.get("payload").get("alertId").asString())) {
                        found.add(envelope);
                    }
                }
                return found.size() >= expected;
            });
        }
        return found;
    }

    static boolean equal(JsonNode node, String field, String expected) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull() && value.decimalValue().compareTo(new BigDecimal(expected)) == 0;
    }
}
