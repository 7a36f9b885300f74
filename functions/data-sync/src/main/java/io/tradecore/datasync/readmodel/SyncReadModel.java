package io.tradecore.datasync.readmodel;

import io.tradecore.datasync.api.SyncStatusView;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads of the sync read models. */
public final class SyncReadModel {

    private static final int RECENT_RUNS = 20;

    private final JdbcClient jdbc;

    public SyncReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record AccountRow(UUID accountId, String userId, Timestamp ordersCursor, Timestamp activitiesCursor,
                              Timestamp lastRequestedAt, long version) {
    }

    private record RunRow(String runId, String status, Timestamp startedAt, Timestamp finishedAt, int pages,
                          int ordersImported, int ordersUpdated, int fillsImported, int balancesObserved,
                          String errorCode, String errorReason) {
    }

    public Optional<SyncStatusView> status(String accountId) {
        UUID id = UUID.fromString(accountId);
        return jdbc.sql("""
                        SELECT account_id, user_id, orders_cursor, activities_cursor, last_requested_at, version
                        FROM sync_accounts WHERE account_id = :id""")
                .param("id", id).query(AccountRow.class).optional()
                .map(row -> new SyncStatusView(row.accountId().toString(), row.userId(), instant(row.ordersCursor()),
                        instant(row.activitiesCursor()), instant(row.lastRequestedAt()), runs(id), row.version()));
    }

    private List<SyncStatusView.Run> runs(UUID accountId) {
        return jdbc.sql("""
                        SELECT run_id, status, started_at, finished_at, pages, orders_imported, orders_updated,
                               fills_imported, balances_observed, error_code, error_reason
                        FROM sync_runs WHERE account_id = :id ORDER BY started_at DESC, run_id DESC LIMIT :limit""")
                .param("id", accountId).param("limit", RECENT_RUNS).query(RunRow.class).list().stream()
                .map(r -> new SyncStatusView.Run(r.runId(), r.status(), instant(r.startedAt()), instant(r.finishedAt()),
                        r.pages(), r.ordersImported(), r.ordersUpdated(), r.fillsImported(), r.balancesObserved(),
                        r.errorCode(), r.errorReason()))
                .toList();
    }

    /** Connected accounts the scheduled job asks to sync, with their owners. */
    public List<ConnectedAccount> connectedAccounts() {
        return jdbc.sql("SELECT account_id, user_id FROM sync_connected_accounts ORDER BY account_id")
                .query(ConnectedAccount.class).list();
    }

    public record ConnectedAccount(UUID accountId, String userId) {
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
