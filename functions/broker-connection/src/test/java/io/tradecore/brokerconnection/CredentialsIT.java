package io.tradecore.brokerconnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tradecore.brokerconnection.credentials.CredentialVault;
import io.tradecore.brokerconnection.domain.Credentials;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.testing.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Credentials at rest and in flight: sealed, bound to their user, shreddable, and never shown anywhere. */
@ExtendWith(OutputCaptureExtension.class)
class CredentialsIT extends BrokerConnectionIT {

    @Autowired
    CredentialVault vault;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("shredDeletedUsersCredentials")
    java.util.function.Consumer<List<byte[]>> shred;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @Value("${tradecore.kafka.bootstrap-servers}")
    String brokers;

    @Value("${tradecore.kafka.topic-prefix}")
    String prefix;

    @Value("${tradecore.db.schema}")
    String schema;

    @Test
    void a_canary_secret_never_appears_in_an_event_topic_log_line_read_model_or_answer(CapturedOutput output) {
        String canary = "canary-" + UUID.randomUUID();
        User user = user();
        List<TestHttp.Response> answers = new ArrayList<>();
        String goodKey = key("ok");
        var good = connect(user, goodKey, canary);
        var refused = connect(user, key("validate-401"), canary);
        answers.add(good);
        answers.add(refused);
        String goodId = good.text("streamId").substring("connection-".length());
        String refusedId = refused.text("streamId").substring("connection-".length());
        answers.add(awaitStatus(user, goodId, "active"));
        answers.add(awaitStatus(user, refusedId, "failed"));
        await().atMost(TERMINAL).until(() -> accountsOf(goodId) == 2);
        answers.add(http.get("/api/connections", user.token()));
        answers.add(http.get("/api/connections/" + goodId + "/saga", user.token()));
        answers.add(http.get("/api/connections/" + refusedId + "/saga", user.token()));
        answers.add(http.get("/api/accounts", user.token()));
        assertThat(STUB.secretSeenFor(goodKey)).as("the broker did get the secret").isEqualTo(canary);

        answers.forEach(answer -> assertThat(answer.raw()).doesNotContain(canary));
        assertThat(rowsContaining(canary)).isEmpty();
        assertThat(topicRecordsContaining(canary)).isZero();
        for (String id : List.of(goodId, refusedId)) {
            String cached = redis.opsForValue().get("connection:" + id + ":status");
            assertThat(cached == null ? "" : cached).doesNotContain(canary);
        }
        org.slf4j.LoggerFactory.getLogger(CredentialsIT.class).info("log capture probe {}", goodId);
        assertThat(output.getAll()).contains("log capture probe " + goodId).doesNotContain(canary);
    }

    @Test
    void sealed_credentials_open_only_for_their_user_and_not_at_all_once_the_users_key_is_destroyed() {
        String owner = UUID.randomUUID().toString();
        String ref = UUID.randomUUID().toString();
        vault.store(ref, owner, new Credentials("key", "s3cret"), clock.instant());
        assertThat(vault.open(ref, owner)).isEqualTo(new Credentials("key", "s3cret"));

        String thief = UUID.randomUUID().toString();
        vault.store(UUID.randomUUID().toString(), thief, new Credentials("own", "own"), clock.instant());
        String moved = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO broker_credentials SELECT :moved, :thief, ciphertext, created_at FROM broker_credentials "
                + "WHERE credential_ref = :ref").param("moved", moved).param("thief", thief).param("ref", ref).update();
        assertThatThrownBy(() -> vault.open(moved, thief)).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo("credentials-unavailable"));

        byte[] backup = jdbc.sql("SELECT ciphertext FROM broker_credentials WHERE credential_ref = ?").param(ref)
                .query(byte[].class).single();
        vault.shred(owner, clock.instant());

        assertThatThrownBy(() -> vault.open(ref, owner)).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo("credentials-shredded"));
        // a backup of the ciphertext restored after the shredding does not open either: its key is gone
        jdbc.sql("INSERT INTO broker_credentials VALUES (?, ?, ?, now())").params(ref, owner, backup).update();
        assertThatThrownBy(() -> vault.open(ref, owner)).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo("credentials-shredded"));
        assertThatThrownBy(() -> vault.store(UUID.randomUUID().toString(), owner, new Credentials("k", "s"),
                clock.instant())).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo("credentials-shredded"));
        assertThat(vault.isShredded(owner)).isTrue();
        assertThat(vault.isShredded(thief)).isFalse();
    }

    @Test
    void a_deleted_users_credentials_become_unreadable_when_their_key_is_destroyed() {
        String owner = UUID.randomUUID().toString();
        String ref = UUID.randomUUID().toString();
        vault.store(ref, owner, new Credentials("key", "s3cret"), clock.instant());
        byte[] deleted = json.writeValueAsBytes(Map.ofEntries(Map.entry("eventId", UUID.randomUUID().toString()),
                Map.entry("streamId", "user-" + owner), Map.entry("streamType", "user_account"),
                Map.entry("version", 3), Map.entry("position", 1), Map.entry("type", "user.deleted"),
                Map.entry("schemaVersion", 1), Map.entry("occurredAt", clock.instant().toString()),
                Map.entry("correlationId", UUID.randomUUID().toString()),
                Map.entry("causationId", UUID.randomUUID().toString()), Map.entry("userId", owner),
                Map.entry("payload", Map.of("userId", owner))));

        shred.accept(List.of(deleted));
        shred.accept(List.of(deleted)); // redelivered: harmless

        assertThatThrownBy(() -> vault.open(ref, owner)).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo("credentials-shredded"));
        assertThat(jdbc.sql("SELECT count(*) FROM credential_keys WHERE user_id = ? AND wrapped_key IS NULL "
                + "AND shredded_at IS NOT NULL").param(owner).query(Long.class).single()).isEqualTo(1);
        assertThat(credentialsOf(owner)).isZero();
    }

    /** Every row of every table of the test's schema whose text, or hex of its bytes, holds the value. */
    private List<String> rowsContaining(String value) {
        String hex = HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8));
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")
                .param(schema).query(String.class).list();
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            long rows = jdbc.sql("SELECT count(*) FROM \"" + table + "\" t WHERE t::text LIKE :text OR t::text LIKE :hex")
                    .param("text", "%" + value + "%").param("hex", "%" + hex + "%").query(Long.class).single();
            if (rows > 0) {
                found.add(table);
            }
        }
        assertThat(tables).contains("event_store_events", "saga_commands", "connections", "broker_credentials");
        return found;
    }

    private long topicRecordsContaining(String value) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "canary-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics().forEach((topic, infos) -> {
                if (topic.startsWith(prefix)) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            });
            assertThat(partitions).extracting(TopicPartition::topic).contains(prefix + "saga.broker-connection",
                    prefix + "transport.broker_connection", prefix + "eventstore.broker_connection");
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long matches = 0;
            long seen = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    seen++;
                    if (record.value() != null && new String(record.value(), StandardCharsets.UTF_8).contains(value)) {
                        matches++;
                    }
                }
            }
            assertThat(seen).isPositive();
            assertThat(partitions).allMatch(p -> consumer.position(p) >= end.get(p));
            return matches;
        }
    }
}
