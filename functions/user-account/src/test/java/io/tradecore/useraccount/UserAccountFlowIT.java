package io.tradecore.useraccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradecore.kernel.testing.TestHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The newcomer's walk-through, end to end over HTTP: every step lands in the store, Kafka, the read model, Redis. */
class UserAccountFlowIT extends UserAccountIT {

    @Autowired
    StringRedisTemplate redis;

    @Value("${tradecore.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void a_registered_user_creates_reads_and_changes_their_profile_and_every_step_is_published() {
        User user = register();
        String path = "/api/users/" + user.id();

        var updated = http.post(path + "/update-profile", user.token(),
                TestHttp.json(Map.of("displayName", "Ada Lovelace", "bio", "Analyst", "timezone", "Europe/London")));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.header("ETag")).contains("\"2\"");

        // Read-your-writes: the token makes the query wait until the read model has the update.
        var read = http.get(path, user.token(), "X-Consistency-Token", updated.text("consistencyToken"));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.text("displayName")).isEqualTo("Ada Lovelace");
        assertThat(read.text("timezone")).isEqualTo("Europe/London");
        assertThat(read.body().get("version").asLong()).isEqualTo(2);
        // Cache-aside: a read that raced the projector's eviction of this key does not cache (the key's generation
        // moved); the next read after the eviction does.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(http.get(path, user.token()).status()).isEqualTo(200);
            assertThat(redis.opsForValue().get("user:" + user.id() + ":profile")).contains("Ada Lovelace");
        });

        var changed = http.post(path + "/change-email", user.token(), TestHttp.json(Map.of("email", "ada@example.org")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        // The projector drops the cached profile once the change commits; the next read shows the new email.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.get(path, user.token()).text("email")).isEqualTo("ada@example.org"));

        List<String> archived = eventTypes("eventstore.user_account", user.id(), 3);
        List<String> transported = eventTypes("transport.user_account", user.id(), 3);
        assertThat(archived).containsExactly("user.registered", "user.profile-updated", "user.email-changed");
        assertThat(transported).isEqualTo(archived);
    }

    @Test
    void a_query_without_a_token_sees_the_registration_eventually() {
        User user = register();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var read = http.get("/api/users/" + user.id(), user.token());
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.text("username")).isEqualTo(user.username());
            assertThat(read.text("status")).isEqualTo("active");
        });
        var byName = http.get("/api/users/by-username/" + user.username(), user.token());
        assertThat(byName.text("id")).isEqualTo(user.id());
    }

    @Test
    void a_deactivated_user_can_no_longer_sign_in_or_change_anything() {
        User user = register();
        var deactivated = http.post("/api/users/" + user.id() + "/deactivate", user.token(), "{\"reason\":\"leaving\"}");
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        var signIn = http.post("/api/auth/token", null,
                TestHttp.json(Map.of("username", user.username(), "password", user.password())));
        assertThat(signIn.status()).isEqualTo(401);
        var update = http.post("/api/users/" + user.id() + "/update-profile", user.token(), "{\"displayName\":\"x\"}");
        assertThat(update.status()).isEqualTo(422);
        assertThat(update.text("code")).isEqualTo("user-deactivated");
    }

    @Test
    void administrators_list_users_page_by_page() {
        User admin = register();
        User first = register();
        var forbidden = http.get("/api/users?page=0&size=10", first.token());
        assertThat(forbidden.status()).isEqualTo(403);

        String adminToken = adminToken();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var page = http.get("/api/users?page=0&size=200", adminToken);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            List<String> names = new ArrayList<>();
            page.body().get("items").forEach(item -> names.add(item.get("username").asString()));
            assertThat(names).contains(admin.username(), first.username());
            assertThat(page.body().get("total").asLong()).isGreaterThanOrEqualTo(2);
        });
        assertThat(http.get("/api/users?size=1000", adminToken).status()).isEqualTo(400);
    }

    /** The event types of one stream on a topic, in order, read with a fresh consumer group. */
    private List<String> eventTypes(String topic, String streamId, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, unique("check"));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> types = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(isolation + "." + topic));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(streamId)) {
                        types.add(TestHttp.JSON_READER.readTree(record.value()).get("type").asString());
                    }
                }
                return types.size() >= expected;
            });
        }
        return types;
    }
}
