package io.tradecore.datasync.readmodel;

import io.tradecore.datasync.domain.SyncEvent;
import io.tradecore.datasync.domain.SyncEvent.BalanceObserved;
import io.tradecore.datasync.domain.SyncEvent.CursorAdvanced;
import io.tradecore.datasync.domain.SyncEvent.FillImported;
import io.tradecore.datasync.domain.SyncEvent.OrderImported;
import io.tradecore.datasync.domain.SyncEvent.OrderUpdated;
import io.tradecore.datasync.domain.SyncEvent.SyncRequested;
import io.tradecore.datasync.domain.SyncEvent.SyncRunCompleted;
import io.tradecore.datasync.domain.SyncEvent.SyncRunFailed;
import io.tradecore.datasync.domain.SyncEvent.SyncRunStarted;
import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.projection.Projection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Keeps {@code sync_accounts} and {@code sync_runs} in step with the sync streams; counts come from the events. */
public final class SyncProjection implements Projection<SyncEvent> {

    public static final String NAME = "syncRuns";

    private final JdbcClient jdbc;

    public SyncProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("sync_accounts", "sync_runs");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SyncEvent> eventType() {
        return SyncEvent.class;
    }

    @Override
    public void apply(EventEnvelope<SyncEvent> event) {
        SyncEvent e = event.payload();
        jdbc.sql("""
                        INSERT INTO sync_accounts (account_id, user_id, version) VALUES (:account, :user, :version)
                        ON CONFLICT (account_id) DO UPDATE SET version = EXCLUDED.version""")
                .param("account", UUID.fromString(e.accountId())).param("user", e.userId())
                .param("version", event.version()).update();
        switch (e) {
            case SyncRequested r -> account("last_requested_at = :value", r.accountId(), time(r.at()));
            case SyncRunStarted r -> {
                jdbc.sql("""
                                INSERT INTO sync_runs (run_id, account_id, user_id, request_id, status, started_at)
                                VALUES (:run, :account, :user, :request, 'running', :at) ON CONFLICT DO NOTHING""")
                        .param("run", r.runId()).param("account", UUID.fromString(r.accountId()))
                        .param("user", r.userId()).param("request", r.requestId()).param("at", time(r.at())).update();
                account("last_run_id = :value", r.accountId(), r.runId());
            }
            case OrderImported r -> count("orders_imported", r.runId());
            case OrderUpdated r -> count("orders_updated", r.runId());
            case FillImported r -> count("fills_imported", r.runId());
            case BalanceObserved r -> count("balances_observed", r.runId());
            case CursorAdvanced r -> {
                count("pages", r.runId());
                account((r.feed().equals("orders") ? "orders_cursor" : "activities_cursor") + " = :value",
                        r.accountId(), time(r.cursor()));
            }
            case SyncRunCompleted r -> finish(r.runId(), "completed", null, null, r.at());
            case SyncRunFailed r -> finish(r.runId(), "failed", r.code(), r.reason(), r.at());
        }
    }

    private void account(String assignment, String accountId, Object value) {
        jdbc.sql("UPDATE sync_accounts SET " + assignment + " WHERE account_id = :account")
                .param("value", value).param("account", UUID.fromString(accountId)).update();
    }

    private void count(String column, String runId) {
        jdbc.sql("UPDATE sync_runs SET " + column + " = " + column + " + 1 WHERE run_id = :run")
                .param("run", runId).update();
    }

    private void finish(String runId, String status, String code, String reason, Instant at) {
        jdbc.sql("""
                        UPDATE sync_runs SET status = :status, error_code = :code, error_reason = :reason,
                               finished_at = :at WHERE run_id = :run""")
                .param("status", status).param("code", code).param("reason", reason).param("at", time(at))
                .param("run", runId).update();
    }

    private static Timestamp time(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
