package io.tradecore.kernel.maintenance;

import io.tradecore.kernel.projection.Projection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One integrity check: replay into shadow tables without running ahead of the live checkpoints (an event past its
 * stream's live checkpoint is deferred with the rest of its stream), then, in one transaction that keeps the
 * projection's writers out so the live checkpoints stand still, bring the shadow to exactly those checkpoints and
 * compare every table by primary key, all columns. Both sides then account for the same events, so what the
 * projector has not applied yet never shows up as a difference. The differences are recorded in the same
 * transaction and published from the table afterwards. The projector waits for the comparison (seconds for a
 * million rows); queries do not.
 */
final class IntegrityCheck<E> {

    /** At most this many differences are recorded per table and check; the run's count says how many there were. */
    static final int RECORDED_PER_TABLE = 1000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Projection<E> projection;
    private final ReadModelMaintenance.Tools tools;
    private final ShadowTables shadow;
    private final ReadModelMaintenance.ProgressLog progress;
    private final UUID checkId;
    private final ShadowReplay<E> replay;

    IntegrityCheck(Projection<E> projection, ReadModelMaintenance.Tools tools, ShadowTables shadow, Set<String> types,
                   ReadModelMaintenance.ProgressLog progress, UUID checkId) {
        this.projection = projection;
        this.tools = tools;
        this.shadow = shadow;
        this.progress = progress;
        this.checkId = checkId;
        this.replay = new ShadowReplay<>(projection, types, tools.codec(), tools.store(), tools.jdbc(), shadow,
                tools.batchSize(), tools.reader(), progress);
    }

    /** Returns how many differences it found. */
    long run() {
        progress.phase("replaying");
        replay.replayCommitted(tools.transactions(), this::liveCheckpoints);
        progress.phase("comparing");
        Long found = tools.transactions().execute(status -> {
            tools.checkpoints().excludeWriters(projection.name());
            replay.replayRemaining(this::liveCheckpoints);
            replay.catchUpToLive();
            tools.jdbc().sql("SET LOCAL search_path TO " + ShadowTables.ident(shadow.live())).update();
            long differences = 0;
            List<RowDifference> recorded = new ArrayList<>();
            for (String table : shadow.tables()) {
                List<RowDifference> rows = compare(table);
                differences += rows.size();
                recorded.addAll(rows.subList(0, Math.min(rows.size(), RECORDED_PER_TABLE)));
            }
            tools.issues().record(projection.name(), checkId, recorded);
            return differences;
        });
        try {
            tools.issues().publishPending(RECORDED_PER_TABLE);
        } catch (RuntimeException e) {
            // Recorded: the publishIntegrityAlerts job publishes them once Kafka answers.
            org.slf4j.LoggerFactory.getLogger(IntegrityCheck.class).warn("check {}: alerts not published yet: {}",
                    checkId, e.toString());
        }
        return found == null ? 0 : found;
    }

    private Map<String, Long> liveCheckpoints(List<String> streamIds) {
        Map<String, Long> caps = new HashMap<>();
        tools.jdbc().sql("SELECT stream_id, version FROM " + ShadowTables.qualified(shadow.live(), "projection_checkpoints")
                        + " WHERE projection = ? AND stream_id = ANY(?)")
                .params(projection.name(), streamIds.toArray(String[]::new))
                .query(rs -> {
                    caps.put(rs.getString(1), rs.getLong(2));
                });
        return caps;
    }

    /** Rows that differ between the live table and its replay, by primary key, all columns. */
    private List<RowDifference> compare(String table) {
        List<String> key = tools.jdbc().sql("""
                        SELECT a.attname FROM pg_index i
                          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                         WHERE i.indrelid = CAST(? AS regclass) AND i.indisprimary
                         ORDER BY array_position(CAST(i.indkey AS int2[]), a.attnum)""")
                .param(ShadowTables.qualified(shadow.live(), table)).query(String.class).list();
        if (key.isEmpty()) {
            throw new IllegalStateException("table " + table + " has no primary key to compare rows by");
        }
        String join = key.stream().map(c -> "l." + ShadowTables.ident(c) + " = s." + ShadowTables.ident(c))
                .collect(Collectors.joining(" AND "));
        String rowKey = key.stream().map(c -> "'" + c + "', COALESCE(l." + ShadowTables.ident(c) + ", s."
                + ShadowTables.ident(c) + ")").collect(Collectors.joining(", "));
        String first = ShadowTables.ident(key.getFirst());
        return tools.jdbc().sql("SELECT jsonb_build_object(" + rowKey + ")::text AS row_key, "
                        + "CASE WHEN l." + first + " IS NULL THEN NULL ELSE to_jsonb(l)::text END AS live_row, "
                        + "CASE WHEN s." + first + " IS NULL THEN NULL ELSE to_jsonb(s)::text END AS expected_row "
                        + "FROM " + ShadowTables.qualified(shadow.live(), table) + " l FULL JOIN "
                        + ShadowTables.qualified(shadow.shadow(), table) + " s ON " + join
                        + " WHERE ROW(l.*) IS DISTINCT FROM ROW(s.*) ORDER BY 1")
                .query((rs, row) -> RowDifference.of(table, tree(rs.getString(1)), tree(rs.getString(2)),
                        tree(rs.getString(3))))
                .list();
    }

    private static JsonNode tree(String text) {
        return text == null ? null : JSON.readTree(text);
    }
}
