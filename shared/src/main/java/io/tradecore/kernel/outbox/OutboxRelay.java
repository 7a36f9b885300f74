package io.tradecore.kernel.outbox;

import io.tradecore.kernel.eventstore.EventCodec;
import io.tradecore.kernel.eventstore.EventStore;
import io.tradecore.kernel.eventstore.RelayBatch;
import io.tradecore.kernel.eventstore.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publishes committed events to Kafka. One relay per database schema holds a PostgreSQL advisory lock, so
 * several instances may run and exactly one publishes. Each batch is read in commit order below the oldest
 * running transaction, sent to both topics, flushed, and only then checkpointed.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final String name;
    private final EventStore store;
    private final EventCodec codec;
    private final Producer<String, byte[]> producer;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Topics topics;
    private final int batchSize;
    private final Duration idlePause;
    private volatile boolean running;
    private volatile boolean paused;
    private boolean autoStartup = true;
    private Thread worker;

    public OutboxRelay(String name, EventStore store, EventCodec codec, Producer<String, byte[]> producer,
                       JdbcClient jdbc, DataSource dataSource, Topics topics, int batchSize, Duration idlePause) {
        this.name = name;
        this.store = store;
        this.codec = codec;
        this.producer = producer;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.topics = topics;
        this.batchSize = batchSize;
        this.idlePause = idlePause;
    }

    /**
     * Publishes one batch and checkpoints it; returns how many events went out. Safe to call from a scheduled
     * function (the serverless deploy) as well as from the background loop.
     */
    public int publishOnce() {
        Checkpoint from = checkpoint();
        RelayBatch batch = store.readCommitted(from.xid(), from.position(), batchSize);
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(batch.events().size() * 2);
        for (StoredEvent event : batch.events()) {
            byte[] value = codec.toMessage(event);
            acks.add(send(topics.eventstore(event.streamType()), event.streamId(), value));
            acks.add(send(topics.transport(event.streamType()), event.streamId(), value));
        }
        // No flush(): it has no time limit; the bounded wait on the acknowledgements below is the limit.
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch; it will be published again", e);
        }
        jdbc.sql("""
                        INSERT INTO outbox_relay_checkpoints (relay, last_xid, last_position) VALUES (?, ?::xid8, ?)
                        ON CONFLICT (relay) DO UPDATE SET last_xid = EXCLUDED.last_xid,
                            last_position = EXCLUDED.last_position, updated_at = now()""")
                .params(name, batch.lastXid(), batch.lastPosition()).update();
        return batch.events().size();
    }

    /** Holds publishing (the events wait in the store); used by operators and by failure tests. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    private CompletableFuture<RecordMetadata> send(String topic, String key, byte[] value) {
        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error == null) {
                ack.complete(metadata);
            } else {
                ack.completeExceptionally(error);
            }
        });
        return ack;
    }

    private record Checkpoint(String xid, long position) {
    }

    private Checkpoint checkpoint() {
        return jdbc.sql("SELECT last_xid::text, last_position FROM outbox_relay_checkpoints WHERE relay = ?")
                .param(name)
                .query((rs, row) -> new Checkpoint(rs.getString(1), rs.getLong(2)))
                .optional().orElse(new Checkpoint("0", 0));
    }

    /**
     * Publishes for up to {@code budget}, polling while idle, unless another relay of this schema is publishing
     * (then returns 0 at once). The serverless deploy runs this as the scheduled {@code relayOutbox} function.
     */
    public int drain(Duration budget) {
        long end = System.nanoTime() + budget.toNanos();
        int published = 0;
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!advisoryLock(lockHolder, "pg_try_advisory_lock")) {
                return 0;
            }
            try {
                while (System.nanoTime() < end) {
                    int batch = publishOnce();
                    published += batch;
                    if (batch == 0) {
                        sleep(idlePause);
                    }
                }
            } finally {
                advisoryLock(lockHolder, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox relay '" + name + "' could not take its lock", e);
        }
        return published;
    }

    private void loop() {
        while (running) {
            try (Connection lockHolder = dataSource.getConnection()) {
                if (!advisoryLock(lockHolder, "pg_try_advisory_lock")) {
                    sleep(Duration.ofSeconds(1)); // another instance relays this schema
                    continue;
                }
                log.info("outbox relay '{}' is publishing", name);
                try {
                    while (running) {
                        int published = paused ? 0 : publishOnce();
                        if (published == 0) {
                            sleep(idlePause);
                        }
                    }
                } finally {
                    // The connection goes back to the pool, not away: a session lock would outlive this loop.
                    advisoryLock(lockHolder, "pg_advisory_unlock");
                }
            } catch (RuntimeException | SQLException e) {
                if (running) {
                    log.warn("outbox relay '{}' failed, retrying: {}", name, e.toString());
                    sleep(Duration.ofMillis(500));
                }
            }
        }
    }

    /** Takes or releases the session-level lock that makes one relay per schema publish at a time. */
    private boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT " + function + "(hashtextextended(?, 0))")) {
            lock.setString(1, "tradecore.outbox-relay:" + connection.getSchema() + ":" + name);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay-" + name).daemon().start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the background loop starts with the application (off where a schedule drives the relay). */
    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }
}
