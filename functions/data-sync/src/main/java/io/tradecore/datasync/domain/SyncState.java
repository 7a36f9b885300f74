package io.tradecore.datasync.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What an account's sync stream remembers: the broker records already brought in (orders with their last seen
 * progress, fill ids), the last balance observed, each feed's cursor, and the run in progress. The ids are what make
 * a sync idempotent: a record seen before produces no event.
 *
 * @param orders  broker order id to its progress (status, filled quantity, average price)
 * @param balance the last balance observed, as a comparable key; null before the first
 * @param cursors feed name to the point the next page starts from
 */
public record SyncState(String userId, Map<String, String> orders, Set<String> fills, String balance,
                        Map<String, Instant> cursors, String runningRun) {

    public static final SyncState INITIAL = new SyncState(null, Map.of(), Set.of(), null, Map.of(), null);

    public SyncState {
        orders = Map.copyOf(orders);
        fills = Set.copyOf(fills);
        cursors = Map.copyOf(cursors);
    }

    public Instant cursor(String feed) {
        return cursors.get(feed);
    }

    public boolean isRunning(String runId) {
        return runId != null && runId.equals(runningRun);
    }

    SyncState withUser(String user) {
        return new SyncState(user, orders, fills, balance, cursors, runningRun);
    }

    SyncState withRun(String run) {
        return new SyncState(userId, orders, fills, balance, cursors, run);
    }

    SyncState withOrder(String brokerOrderId, String progress) {
        Map<String, String> next = new HashMap<>(orders);
        next.put(brokerOrderId, progress);
        return new SyncState(userId, next, fills, balance, cursors, runningRun);
    }

    SyncState withFill(String fillId) {
        Set<String> next = new HashSet<>(fills);
        next.add(fillId);
        return new SyncState(userId, orders, next, balance, cursors, runningRun);
    }

    SyncState withBalance(String observed) {
        return new SyncState(userId, orders, fills, observed, cursors, runningRun);
    }

    SyncState withCursor(String feed, Instant cursor) {
        Map<String, Instant> next = new HashMap<>(cursors);
        next.put(feed, cursor);
        return new SyncState(userId, orders, fills, balance, next, runningRun);
    }
}
