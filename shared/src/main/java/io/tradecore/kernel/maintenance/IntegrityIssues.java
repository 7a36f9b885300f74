package io.tradecore.kernel.maintenance;

import io.tradecore.kernel.outbox.Topics;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The differences integrity checks found ({@code integrity_issues}), and their relay to {@code alerts.data-integrity}.
 * A check records its differences in its own transaction; publishing reads them from the table afterwards and stamps
 * them once Kafka acknowledged (at least once; consumers key on {@code issueId}), so no difference is lost or
 * reported without being recorded. Rows are claimed with {@code SKIP LOCKED}: relays in several processes share them.
 */
public final class IntegrityIssues {

    /** The alert topic, as named in the architecture (prefixed in tests). */
    public static final String TOPIC = "alerts.data-integrity";

    /** One issue, as operators list it and as the alert carries it. */
    public record Issue(UUID issueId, String projection, String table, JsonNode rowKey, String kind,
                        List<String> columns, JsonNode liveRow, JsonNode expectedRow, UUID checkId,
                        Instant detectedAt, Instant publishedAt, Instant resolvedAt, String resolvedBy) {
    }

    private static final String SELECT = """
            SELECT issue_id, projection, table_name, row_key::text AS row_key, kind, columns, live_row::text AS live_row,
                   expected_row::text AS expected_row, check_id, detected_at, published_at, resolved_at, resolved_by
              FROM integrity_issues\n""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Supplier<Producer<String, byte[]>> producer;
    private final Topics topics;
    private final JsonMapper json;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public IntegrityIssues(JdbcClient jdbc, TransactionTemplate transactions, Supplier<Producer<String, byte[]>> producer,
                           Topics topics, JsonMapper json, Clock clock, Supplier<UUID> ids) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.producer = producer;
        this.topics = topics;
        this.json = json;
        this.clock = clock;
        this.ids = ids;
    }

    public String topic() {
        return topics.prefix() + TOPIC;
    }

    /**
     * In the check's transaction: records the differences (an open issue of the same row is refreshed, not repeated)
     * and resolves the projection's open issues this check no longer sees.
     */
    void record(String projection, UUID checkId, List<RowDifference> differences) {
        Timestamp now = Timestamp.from(clock.instant());
        for (RowDifference difference : differences) {
            jdbc.sql("""
                            INSERT INTO integrity_issues (issue_id, projection, table_name, row_key, kind, columns, live_row,
                                                          expected_row, check_id, detected_at, last_check_id)
                            VALUES (:id, :projection, :table, CAST(:key AS jsonb), :kind, :columns, CAST(:live AS jsonb),
                                    CAST(:expected AS jsonb), :check, :now, :check)
                            ON CONFLICT (projection, table_name, row_key) WHERE resolved_at IS NULL DO UPDATE
                               SET kind = EXCLUDED.kind, columns = EXCLUDED.columns, live_row = EXCLUDED.live_row,
                                   expected_row = EXCLUDED.expected_row, last_check_id = EXCLUDED.last_check_id""")
                    .param("id", ids.get()).param("projection", projection).param("table", difference.table())
                    .param("key", json.writeValueAsString(difference.key())).param("kind", difference.kind())
                    .param("columns", difference.columns().toArray(String[]::new))
                    .param("live", text(difference.live())).param("expected", text(difference.expected()))
                    .param("check", checkId).param("now", now).update();
        }
        jdbc.sql("""
                        UPDATE integrity_issues SET resolved_at = :now, resolved_by = :by
                         WHERE projection = :projection AND resolved_at IS NULL AND last_check_id <> :check""")
                .param("now", now).param("by", "check:" + checkId).param("projection", projection)
                .param("check", checkId).update();
    }

    /** In a repair's swap transaction: the rebuilt read model is the replay, so every open issue is resolved. */
    void resolveAll(String projection, String by) {
        jdbc.sql("UPDATE integrity_issues SET resolved_at = :now, resolved_by = :by WHERE projection = :projection "
                        + "AND resolved_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("by", by).param("projection", projection).update();
    }

    /** {@code status}: open, resolved or all; {@code projection}: null for every projection. Newest first. */
    public List<Issue> list(String projection, String status, int limit) {
        return jdbc.sql(SELECT + """
                         WHERE (CAST(:projection AS TEXT) IS NULL OR projection = CAST(:projection AS TEXT))
                           AND (:status = 'all' OR (:status = 'open') = (resolved_at IS NULL))
                         ORDER BY detected_at DESC, issue_id LIMIT :limit""")
                .param("projection", projection).param("status", status).param("limit", limit)
                .query(this::issue).list();
    }

    /** Publishes unpublished issues to {@link #TOPIC} (key: projection and table), up to {@code limit}. */
    public int publishPending(int limit) {
        Integer published = transactions.execute(status -> {
            List<Issue> pending = jdbc.sql(SELECT + """
                             WHERE published_at IS NULL ORDER BY detected_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
                    .param("limit", limit).query(this::issue).list();
            if (pending.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (Issue issue : pending) {
                acks.add(producer.get().send(new ProducerRecord<>(topic(), issue.projection() + "/" + issue.table(),
                        message(issue))));
            }
            for (Future<RecordMetadata> ack : acks) {
                try {
                    ack.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("integrity alerts not acknowledged; they stay pending", e);
                }
            }
            jdbc.sql("UPDATE integrity_issues SET published_at = :at WHERE issue_id IN (:ids)")
                    .param("at", Timestamp.from(clock.instant()))
                    .param("ids", pending.stream().map(Issue::issueId).toList()).update();
            return pending.size();
        });
        return published == null ? 0 : published;
    }

    private Issue issue(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Issue(rs.getObject("issue_id", UUID.class), rs.getString("projection"), rs.getString("table_name"),
                tree(rs.getString("row_key")), rs.getString("kind"),
                List.of((String[]) rs.getArray("columns").getArray()), tree(rs.getString("live_row")),
                tree(rs.getString("expected_row")), rs.getObject("check_id", UUID.class),
                instant(rs.getTimestamp("detected_at")), instant(rs.getTimestamp("published_at")),
                instant(rs.getTimestamp("resolved_at")), rs.getString("resolved_by"));
    }

    private byte[] message(Issue issue) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("alert", "read-model-difference");
        alert.put("issueId", issue.issueId().toString());
        alert.put("projection", issue.projection());
        alert.put("table", issue.table());
        alert.put("rowKey", issue.rowKey());
        alert.put("kind", issue.kind());
        alert.put("columns", issue.columns());
        alert.put("liveRow", issue.liveRow());
        alert.put("expectedRow", issue.expectedRow());
        alert.put("checkId", issue.checkId().toString());
        alert.put("detectedAt", issue.detectedAt().toString());
        return json.writeValueAsBytes(alert);
    }

    private String text(JsonNode node) {
        return node == null ? null : json.writeValueAsString(node);
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
