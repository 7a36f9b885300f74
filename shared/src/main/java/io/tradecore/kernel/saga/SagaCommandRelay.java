package io.tradecore.kernel.saga;

import io.tradecore.kernel.outbox.Topics;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes recorded saga commands to {@code saga.{name}} (key: the saga id, so one saga's commands keep their
 * order) and stamps them once Kafka acknowledged. Runs right after the transaction that recorded them, and as a job
 * that picks up whatever a crash left behind. A command published twice (a crash between publish and stamp) is
 * harmless: its id is its participant's idempotency key. Rows are claimed with {@code SKIP LOCKED}, so relays in
 * several processes share the work.
 */
public final class SagaCommandRelay {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Producer<String, byte[]> producer;
    private final Topics topics;
    private final JsonMapper json;
    private final Clock clock;
    private volatile boolean running = true;

    public SagaCommandRelay(JdbcClient jdbc, TransactionTemplate transactions, Producer<String, byte[]> producer,
                            Topics topics, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.producer = producer;
        this.topics = topics;
        this.json = json;
        this.clock = clock;
    }

    public static String topic(Topics topics, String saga) {
        return topics.prefix() + "saga." + saga;
    }

    /** Publishing stops (recorded commands wait, as after a crash) until {@link #resume}; an operator's switch. */
    public void pause() {
        running = false;
    }

    public void resume() {
        running = true;
    }

    /** Publishes what is pending, up to {@code limit}; returns how many were published. */
    public int publishPending(int limit) {
        if (!running) {
            return 0;
        }
        Integer published = transactions.execute(status -> {
            List<Map<String, Object>> rows = jdbc.sql("""
                            SELECT command_id, saga_id, saga_name, step, function_name, user_id, body::text AS body
                            FROM saga_commands WHERE dispatched_at IS NULL ORDER BY recorded_at
                            LIMIT :limit FOR UPDATE SKIP LOCKED""")
                    .param("limit", limit).query().listOfRows();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                acks.add(producer.send(new ProducerRecord<>(topic(topics, (String) row.get("saga_name")),
                        (String) row.get("saga_id"), message(row))));
            }
            for (Future<RecordMetadata> ack : acks) {
                try {
                    ack.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("saga commands not acknowledged; they stay pending", e);
                }
            }
            jdbc.sql("UPDATE saga_commands SET dispatched_at = :at WHERE command_id IN (:ids)")
                    .param("at", Timestamp.from(clock.instant()))
                    .param("ids", rows.stream().map(row -> row.get("command_id")).toList()).update();
            return rows.size();
        });
        return published == null ? 0 : published;
    }

    private byte[] message(Map<String, Object> row) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("commandId", row.get("command_id"));
        message.put("sagaId", row.get("saga_id"));
        message.put("saga", row.get("saga_name"));
        message.put("step", row.get("step"));
        message.put("function", row.get("function_name"));
        message.put("userId", row.get("user_id"));
        message.put("body", json.readTree((String) row.get("body")));
        return json.writeValueAsBytes(message);
    }
}
