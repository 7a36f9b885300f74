package io.tradecore.useraccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.aws.HttpApiHandler;
import io.tradecore.kernel.aws.KafkaBatchHandler;
import io.tradecore.kernel.aws.LambdaApplication;
import io.tradecore.kernel.aws.LambdaRuntime;
import io.tradecore.kernel.aws.ScheduledJobHandler;
import io.tradecore.kernel.eventstore.EventCodec;
import io.tradecore.kernel.eventstore.EventStore;
import io.tradecore.kernel.eventstore.StoredEvent;
import io.tradecore.kernel.testing.TestStack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Lambda entry points, invoked in-process with the event shapes AWS sends, in a context booted as a Lambda
 * boots (no web server, no listeners), against the real PostgreSQL, Kafka and Redis: same outcomes as over HTTP.
 */
@SpringBootTest(classes = LambdaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"tradecore.runtime=lambda", "tradecore.relay.drain-budget=1s"})
class LambdaHandlersIT {

    static String prefix;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        prefix = TestStack.register(registry) + ".";
    }

    @org.springframework.beans.factory.annotation.Value("${tradecore.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore store;

    @Autowired
    EventCodec codec;

    /** A Lambda does not migrate on cold start; the deploy runs the migrateSchema job once, as here. */
    @BeforeEach
    void migrated() throws IOException {
        JsonNode report = invoke(new ScheduledJobHandler(new LambdaRuntime(context, "migrateSchema")), "{}");
        assertThat(report.get("job").asString()).isEqualTo("migrateSchema");
    }

    @Test
    void api_gateway_events_get_the_same_answers_as_the_local_gateway() throws IOException {
        String username = "lambda" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = http("createUser", "POST /api/users/create", Map.of(), null,
                "{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\",\"password\":\"correct horse battery\"}",
                Map.of());
        assertThat(created.get("statusCode").asInt()).as(created.toString()).isEqualTo(201);
        String userId = body(created).get("streamId").asString();

        JsonNode token = http("issueToken", "POST /api/auth/token", Map.of(), null,
                "{\"username\":\"" + username + "\",\"password\":\"correct horse battery\"}", Map.of());
        String bearer = body(token).get("access_token").asString();

        String update = "{\"displayName\":\"From Lambda\"}";
        Map<String, String> key = Map.of("Idempotency-Key", "lambda-" + userId);
        JsonNode first = http("updateProfile", "POST /api/users/{userId}/update-profile", Map.of("userId", userId),
                bearer, update, key);
        JsonNode replay = http("updateProfile", "POST /api/users/{userId}/update-profile", Map.of("userId", userId),
                bearer, update, key);
        assertThat(first.get("statusCode").asInt()).isEqualTo(200);
        assertThat(first.get("headers").get("ETag").asString()).isEqualTo("\"2\"");
        assertThat(replay.get("body").asString()).isEqualTo(first.get("body").asString());
        assertThat(replay.get("headers").get("Idempotent-Replayed").asString()).isEqualTo("true");

        JsonNode anonymous = http("updateProfile", "POST /api/users/{userId}/update-profile", Map.of("userId", userId),
                null, update, Map.of());
        assertThat(anonymous.get("statusCode").asInt()).isEqualTo(401);
        assertThat(anonymous.get("headers").get("Content-Type").asString()).isEqualTo("application/problem+json");
        JsonNode forged = http("updateProfile", "POST /api/users/{userId}/update-profile", Map.of("userId", userId),
                bearer + "x", update, Map.of());
        assertThat(forged.get("statusCode").asInt()).isEqualTo(401);

        JsonNode bad = http("updateProfile", "POST /api/users/{userId}/update-profile", Map.of("userId", userId),
                bearer, "{\"displayName\":\"\"}", Map.of());
        assertThat(bad.get("statusCode").asInt()).isEqualTo(400);
        assertThat(body(bad).get("code").asString()).isEqualTo("invalid-displayName");
        assertThat(events(userId)).hasSize(2);
    }

    @Test
    void a_kafka_batch_is_applied_once_in_order_and_a_record_that_cannot_be_read_parks_only_its_stream() throws IOException {
        UUID id = UUID.randomUUID();
        String name = "kafka" + id.toString().substring(0, 8);
        var registered = new io.tradecore.useraccount.domain.UserEvent.UserRegistered(
                new io.tradecore.useraccount.domain.UserId(id), new io.tradecore.useraccount.domain.Username(name),
                new io.tradecore.useraccount.domain.Email(name + "@example.com"), null);
        var renamed = new io.tradecore.useraccount.domain.UserEvent.ProfileUpdated(
                new io.tradecore.useraccount.domain.UserId(id),
                new io.tradecore.useraccount.domain.Profile("Via Kafka", null, null));
        store.append("user_account", id.toString(), 0, List.of(registered, renamed),
                new io.tradecore.kernel.eventstore.EventMetadata(UUID.randomUUID(), UUID.randomUUID(), null),
                java.time.Instant.now());
        List<StoredEvent> stream = events(id.toString());
        byte[] v1 = codec.toMessage(stream.get(0));
        byte[] v2 = codec.toMessage(stream.get(1));
        String unknownStream = UUID.randomUUID().toString();
        byte[] unknown = ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"streamId\":\"" + unknownStream
                + "\",\"streamType\":\"user_account\",\"version\":1,\"position\":1,\"type\":\"user.from-the-future\","
                + "\"schemaVersion\":1,\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{}}").getBytes(StandardCharsets.UTF_8);

        // Offsets out of order within a partition, a duplicate, and a record of an unknown type.
        JsonNode answer = kafka(Map.of("transport.user_account-0", List.of(rec(7, v2), rec(6, v1), rec(8, v2)),
                "transport.user_account-1", List.of(rec(3, unknown))));

        assertThat(answer.get("records").asInt()).isEqualTo(4);
        assertThat(answer.get("batchItemFailures")).isEmpty();
        Map<String, Object> row = jdbc.sql("SELECT display_name, version FROM users WHERE id = ?").param(id).query().singleRow();
        assertThat(row).containsEntry("display_name", "Via Kafka").containsEntry("version", 2L);
        assertThat(jdbc.sql("SELECT event_type FROM parked_events WHERE stream_id = ?").param(unknownStream)
                .query(String.class).list()).containsExactly("user.from-the-future");

        kafka(Map.of("transport.user_account-0", List.of(rec(6, v1), rec(7, v2)))); // redelivered: no effect
        assertThat(jdbc.sql("SELECT version FROM projection_checkpoints WHERE projection = 'users' AND stream_id = ?")
                .param(id.toString()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void the_deploy_provisions_topics_and_the_scheduled_relay_publishes_what_was_committed() throws IOException {
        JsonNode topics = invoke(new ScheduledJobHandler(new LambdaRuntime(context, "provisionTopics")), "{}");
        assertThat(topics.get("processed").asLong()).isEqualTo(2); // eventstore.user_account, transport.user_account
        UUID id = UUID.randomUUID();
        String name = "relay" + id.toString().substring(0, 8);
        store.append("user_account", id.toString(), 0, List.of(new io.tradecore.useraccount.domain.UserEvent.UserRegistered(
                        new io.tradecore.useraccount.domain.UserId(id), new io.tradecore.useraccount.domain.Username(name),
                        new io.tradecore.useraccount.domain.Email(name + "@example.com"), null)),
                new io.tradecore.kernel.eventstore.EventMetadata(UUID.randomUUID(), UUID.randomUUID(), null),
                java.time.Instant.now());

        JsonNode relayed = invoke(new ScheduledJobHandler(new LambdaRuntime(context, "relayOutbox")), "{}");

        assertThat(relayed.get("processed").asLong()).isGreaterThanOrEqualTo(1);
        java.util.Properties config = new java.util.Properties();
        config.put("bootstrap.servers", brokers);
        config.put("group.id", "check-" + id);
        config.put("auto.offset.reset", "earliest");
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(config,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(List.of(prefix + "transport.user_account"));
            List<String> keys = new ArrayList<>();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
                consumer.poll(java.time.Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
                return keys.contains(id.toString());
            });
        }
    }

    @Test
    void a_lambda_context_binds_no_topics_of_its_own() {
        // The platform's triggers deliver the events; Spring Cloud Stream would otherwise bind the deploy's one
        // function to topics named after it and ask Kafka for them while the Lambda initialises.
        assertThat(context.getBeanNamesForType(org.springframework.cloud.stream.binding.BindingService.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.springframework.cloud.stream.binder.Binder.class)).isEmpty();
    }

    @Test
    void a_scheduled_job_runs_and_reports() throws IOException {
        var handler = new ScheduledJobHandler(new LambdaRuntime(context, "expireIdempotencyKeys"));
        JsonNode report = invoke(handler, "{\"version\":\"0\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.scheduler\"}");
        assertThat(report.get("job").asString()).isEqualTo("expireIdempotencyKeys");
        assertThat(report.get("processed").asLong()).isGreaterThanOrEqualTo(0);
    }

    private JsonNode http(String function, String routeKey, Map<String, String> path, String bearer, String body,
                          Map<String, String> extraHeaders) throws IOException {
        ObjectNode event = json.createObjectNode().put("version", "2.0").put("routeKey", routeKey)
                .put("rawPath", routeKey.split(" ")[1]).put("rawQueryString", "").put("isBase64Encoded", true)
                .put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        ObjectNode headers = event.putObject("headers").put("content-type", "application/json");
        extraHeaders.forEach((name, value) -> headers.put(name.toLowerCase(), value));
        if (bearer != null) {
            headers.put("authorization", "Bearer " + bearer);
        }
        ObjectNode parameters = event.putObject("pathParameters");
        path.forEach(parameters::put);
        event.putObject("requestContext").put("requestId", UUID.randomUUID().toString())
                .putObject("http").put("method", routeKey.split(" ")[0]).put("path", routeKey.split(" ")[1]);
        return invoke(new HttpApiHandler(new LambdaRuntime(context, function)), event.toString());
    }

    private JsonNode kafka(Map<String, List<ObjectNode>> partitions) throws IOException {
        ObjectNode event = json.createObjectNode().put("eventSource", "SelfManagedKafka")
                .put("bootstrapServers", "127.0.0.1:9092");
        ObjectNode records = event.putObject("records");
        partitions.forEach((partition, list) -> list.forEach(record -> records.withArray(partition).add(record)));
        return invoke(new KafkaBatchHandler(new LambdaRuntime(context, "projectUsers")), event.toString());
    }

    private ObjectNode rec(long offset, byte[] value) {
        return json.createObjectNode().put("topic", "transport.user_account").put("partition", 0).put("offset", offset)
                .put("timestamp", 0).put("timestampType", "CREATE_TIME")
                .put("value", Base64.getEncoder().encodeToString(value));
    }

    private JsonNode invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return json.readTree(out.toByteArray());
    }

    private JsonNode body(JsonNode response) {
        return json.readTree(response.get("body").asString());
    }

    private List<StoredEvent> events(String streamId) {
        List<StoredEvent> found = new ArrayList<>();
        long after = 0;
        List<StoredEvent> page;
        do {
            page = store.readAll(after, 1000);
            page.stream().filter(e -> e.streamId().equals(streamId)).forEach(found::add);
            after = page.isEmpty() ? after : page.getLast().position();
        } while (page.size() == 1000);
        return found;
    }
}
