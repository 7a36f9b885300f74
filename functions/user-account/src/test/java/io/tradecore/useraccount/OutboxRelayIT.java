package io.tradecore.useraccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradecore.kernel.eventstore.EventMetadata;
import io.tradecore.kernel.eventstore.EventStore;
import io.tradecore.kernel.outbox.OutboxRelay;
import io.tradecore.kernel.testing.TestHttp;
import io.tradecore.useraccount.domain.Email;
import io.tradecore.useraccount.domain.UserEvent.UserRegistered;
import io.tradecore.useraccount.domain.UserId;
import io.tradecore.useraccount.domain.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The outbox relay loses nothing, skips nothing, and what it publishes twice is applied once. */
class OutboxRelayIT extends UserAccountIT {

    @Autowired
    OutboxRelay relay;

    @Autowired
    EventStore store;

    @Autowired
    TransactionTemplate transactions;

    @Value("${tradecore.kafka.bootstrap-servers}")
    String brokers;

    @AfterEach
    void relayRuns() {
        relay.resume();
        if (!relay.isRunning()) {
            relay.start();
        }
    }

    @Test
    void an_event_committed_while_the_relay_is_down_is_published_once_after_it_restarts() {
        try (Tail tail = new Tail("transport.user_account")) {
            User user = register();
            tail.until(user.id(), 1);
            relay.stop();
            var update = http.post("/api/users/" + user.id() + "/update-profile", user.token(),
                    TestHttp.json(Map.of("displayName", "while down")));
            assertThat(update.status()).isEqualTo(200);

            tail.pollFor(Duration.ofSeconds(2));
            assertThat(tail.versions(user.id())).containsExactly(1L);

            relay.start();
            http.post("/api/users/" + user.id() + "/update-profile", user.token(), TestHttp.json(Map.of("displayName", "after")));
            tail.until(user.id(), 3); // per-stream order: a duplicate of version 2 would arrive before version 3
            assertThat(tail.versions(user.id())).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void a_checkpoint_lost_after_publishing_republishes_and_the_read_model_applies_once() {
        try (Tail tail = new Tail("transport.user_account")) {
            User user = register();
            http.post("/api/users/" + user.id() + "/update-profile", user.token(), TestHttp.json(Map.of("displayName", "once")));
            tail.until(user.id(), 2);
            relay.pause();
            // As if the relay had crashed after Kafka acknowledged but before it saved its checkpoint.
            jdbc.sql("""
                    UPDATE outbox_relay_checkpoints
                       SET (last_xid, last_position) = (SELECT transaction_id, global_position - 1 FROM event_store_events
                                                         WHERE stream_id = ? AND version = 1)""")
                    .param(user.id()).update();
            relay.resume();

            tail.until(user.id(), 4);
            assertThat(tail.versions(user.id())).containsExactly(1L, 2L, 1L, 2L);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(http.get("/api/users/" + user.id(),
                    user.token()).body().get("version").asLong()).isEqualTo(2));
            assertThat(jdbc.sql("SELECT count(*) FROM users WHERE id = ?::uuid").param(user.id()).query(Long.class).single())
                    .isEqualTo(1);
        }
    }

    @Test
    void a_slow_transaction_that_commits_late_is_not_skipped() throws Exception {
        try (Tail tail = new Tail("transport.user_account")) {
            String slowStream = UUID.randomUUID().toString();
            String fastStream = UUID.randomUUID().toString();
            // The slow writer takes its position first, then holds its transaction open.
            OpenTransaction slow = new OpenTransaction(() -> append(slowStream), () -> { });
            transactions.executeWithoutResult(status -> append(fastStream)); // a later position, committed first

            tail.pollFor(Duration.ofSeconds(2));
            assertThat(tail.versions(fastStream)).as("held back behind the open transaction").isEmpty();

            slow.commit();
            tail.eachOnce(slowStream, fastStream);
        }
    }

    @Test
    void a_writer_given_its_id_before_it_appends_holds_publishing_back_and_is_not_skipped() throws Exception {
        try (Tail tail = new Tail("transport.user_account")) {
            String slowStream = UUID.randomUUID().toString();
            String fastStream = UUID.randomUUID().toString();
            // The ordering rule: read the stream first (a lock on the events), then another write takes the id;
            // the events come last. Its id is older than the fast writer's, whose events must wait for it.
            OpenTransaction slow = new OpenTransaction(() -> {
                assertThat(store.readStream(slowStream, 0)).isEmpty();
                takeTransactionId();
            }, () -> append(slowStream));
            transactions.executeWithoutResult(status -> append(fastStream));

            tail.pollFor(Duration.ofSeconds(2));
            assertThat(tail.versions(fastStream)).as("held back behind the older writer").isEmpty();

            slow.commit();
            tail.eachOnce(slowStream, fastStream);
        }
    }

    /** A transaction on another thread: runs {@code first}, stays open until {@link #commit()}, runs {@code last}. */
    private final class OpenTransaction {
        private final CountDownLatch opened = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        final CompletableFuture<Void> done;

        OpenTransaction(Runnable first, Runnable last) throws InterruptedException {
            done = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
                first.run();
                opened.countDown();
                hold(release);
                last.run();
            }));
            assertThat(opened.await(10, TimeUnit.SECONDS)).isTrue();
        }

        void commit() throws Exception {
            release.countDown();
            done.get(10, TimeUnit.SECONDS);
        }
    }

    /** PostgreSQL gives a transaction its id at its first write, or when asked. */
    private void takeTransactionId() {
        jdbc.sql("SELECT pg_current_xact_id()").query(String.class).single();
    }

    private void append(String streamId) {
        String name = "r" + streamId.substring(0, 8);
        store.append("user_account", streamId, 0, List.of(new UserRegistered(new UserId(UUID.fromString(streamId)),
                        new Username(name), new Email(name + "@example.com"), null)),
                new EventMetadata(UUID.randomUUID(), UUID.randomUUID(), null), Instant.now());
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Follows a topic from its start with a fresh consumer group, keeping what it has seen. */
    private final class Tail implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final List<JsonNode> seen = new ArrayList<>();

        Tail(String topic) {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, unique("tail"));
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(isolation + "." + topic));
        }

        void pollFor(Duration duration) {
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                poll();
            }
        }

        void until(String streamId, int count) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                poll();
                return versions(streamId).size() >= count;
            });
        }

        /** Waits for the first event of each stream, then checks that none arrived twice. */
        void eachOnce(String... streamIds) {
            for (String streamId : streamIds) {
                until(streamId, 1);
            }
            for (String streamId : streamIds) {
                assertThat(versions(streamId)).as(streamId).containsExactly(1L);
            }
        }

        List<Long> versions(String streamId) {
            return seen.stream().filter(e -> e.get("streamId").asString().equals(streamId))
                    .map(e -> e.get("version").asLong()).toList();
        }

        private void poll() {
            consumer.poll(Duration.ofMillis(100)).forEach(record -> seen.add(TestHttp.JSON_READER.readTree(record.value())));
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
