package io.tradecore.datasync.api;

import java.time.Instant;
import java.util.List;

/**
 * An account's sync status: each feed's cursor, the last request, and its most recent runs (newest first) with what
 * each brought in, its timing and, for a failed run, the error.
 */
public record SyncStatusView(String accountId, String userId, Instant ordersCursor, Instant activitiesCursor,
                             Instant lastRequestedAt, List<Run> runs, long version) {

    public record Run(String runId, String status, Instant startedAt, Instant finishedAt, int pages,
                      int ordersImported, int ordersUpdated, int fillsImported, int balancesObserved,
                      String errorCode, String errorReason) {
    }
}
