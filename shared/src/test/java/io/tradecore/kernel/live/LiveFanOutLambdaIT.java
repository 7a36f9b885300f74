package io.tradecore.kernel.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradecore.kernel.aws.KafkaBatchHandler;
import io.tradecore.kernel.aws.LambdaApplication;
import io.tradecore.kernel.aws.LambdaRuntime;
import io.tradecore.kernel.config.Databases;
import io.tradecore.kernel.testing.TestStack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettucePoolingClientConfiguration;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fan-out as a Lambda runs it: a context booted with {@code tradecore.runtime=lambda} (no web server, so no
 * WebSocket endpoint), {@code pushLiveEvents} invoked through {@link KafkaBatchHandler} with the event shape of a Kafka
 * event-source mapping, and the owner's channel on the machine's Redis receiving the message.
 */
@SpringBootTest(classes = LambdaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "tradecore.runtime=lambda")
class LiveFanOutLambdaIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.ensureExists(TestStack.DATABASE_URL, TestStack.DATABASE_USER, "");
        registry.add("spring.datasource.url", () -> TestStack.DATABASE_URL);
        registry.add("spring.datasource.username", () -> TestStack.DATABASE_USER);
        registry.add("tradecore.db.schema",
                () -> "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT));
    }

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    RedisConnectionFactory connections;

    @Autowired
    JsonMapper json;

    @Test
    void a_kafka_batch_reaches_the_owners_channel_and_no_websocket_endpoint_is_served() throws Exception {
        assertThat(context.getBeanNamesForType(LiveHub.class)).isEmpty();
        assertThat(context.getBeanNamesForType(LiveSocketHandler.class)).isEmpty();

        String owner = UUID.randomUUID().toString();
        List<String> received = new CopyOnWriteArrayList<>();
        var subscriber = new RedisMessageListenerContainer();
        subscriber.setConnectionFactory(connections);
        subscriber.afterPropertiesSet();
        subscriber.start();
        try {
            subscriber.addMessageListener((message, pattern) ->
                    received.add(new String(message.getBody(), StandardCharsets.UTF_8)), new ChannelTopic("wse:user:" + owner));

            JsonNode answer = invoke(record("account.funds-deposited", "{\"accountId\":\"a1\",\"userId\":\"" + owner
                    + "\",\"amount\":5.00}", 2), record("virtual-broker.price-ticked", "{\"symbol\":\"AAPL\",\"price\":1}", 9));

            assertThat(answer.get("records").asInt()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
            JsonNode message = json.readTree(received.getFirst());
            assertThat(message.get("type").asString()).isEqualTo("account.funds-deposited");
            assertThat(message.get("version").asLong()).isEqualTo(2);
            assertThat(message.get("payload").get("userId").asString()).isEqualTo(owner);
        } finally {
            subscriber.destroy();
        }
    }

    @Test
    void the_pipelines_dedicated_redis_connections_come_from_a_pool_sized_for_one_invocation_at_a_time() {
        var configuration = ((LettuceConnectionFactory) connections).getClientConfiguration();

        assertThat(configuration).isInstanceOf(LettucePoolingClientConfiguration.class);
        var pool = ((LettucePoolingClientConfiguration) configuration).getPoolConfig();
        assertThat(pool.getMaxTotal()).isEqualTo(2);
        assertThat(pool.getMaxIdle()).isEqualTo(2);
    }

    private JsonNode invoke(String... recordValues) throws IOException {
        var event = json.createObjectNode();
        event.put("eventSource", "SelfManagedKafka");
        var partition = event.putObject("records").putArray("transport.broker_account-0");
        for (int offset = 0; offset < recordValues.length; offset++) {
            partition.addObject().put("topic", "transport.broker_account").put("partition", 0).put("offset", offset)
                    .put("value", Base64.getEncoder().encodeToString(recordValues[offset].getBytes(StandardCharsets.UTF_8)));
        }
        var handler = new KafkaBatchHandler(new LambdaRuntime(context, LiveCatalog.FUNCTION));
        var out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(json.writeValueAsBytes(event)), out, null);
        return json.readTree(out.toByteArray());
    }

    private static String record(String type, String payload, long version) {
        return """
                {"eventId":"%s","streamId":"account-a1","streamType":"broker_account","version":%d,"position":%d,
                 "type":"%s","schemaVersion":1,"occurredAt":"2026-11-30T17:00:00Z","payload":%s}"""
                .formatted(UUID.randomUUID(), version, version, type, payload);
    }
}
