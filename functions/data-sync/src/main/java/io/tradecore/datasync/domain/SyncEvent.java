package io.tradecore.datasync.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What happened on one account's sync stream ({@code sync-{accountId}}): requests, runs, and each broker record the
 * first time it is seen (or when it changed). Other domains import the records through their own policies, keyed by
 * the broker's ids. Every event carries the account and its owner.
 */
public sealed interface SyncEvent {

    String accountId();

    String userId();

    /** A sync was asked for; {@code trigger} is {@code user} or {@code schedule}; {@code since} is optional. */
    record SyncRequested(String accountId, String userId, String requestId, Instant since, String trigger, Instant at)
            implements SyncEvent {
    }

    record SyncRunStarted(String accountId, String userId, String runId, String requestId, Instant at)
            implements SyncEvent {
    }

    /** A broker order seen for the first time, as the broker reports it (it may already be filled). */
    record OrderImported(String accountId, String userId, String runId, String brokerOrderId, String clientOrderId,
                         String symbol, String side, BigDecimal quantity, String type, BigDecimal limitPrice,
                         BigDecimal stopPrice, String timeInForce, String status, BigDecimal filledQuantity,
                         BigDecimal averageFillPrice, Instant submittedAt, Instant updatedAt, Instant at)
            implements SyncEvent {
    }

    /** An imported order whose status or filled quantity changed at the broker since it was last seen. */
    record OrderUpdated(String accountId, String userId, String runId, String brokerOrderId, String status,
                        BigDecimal filledQuantity, BigDecimal averageFillPrice, Instant updatedAt, Instant at)
            implements SyncEvent {
    }

    /** One execution at the broker; {@code fillId} is the broker's activity id. */
    record FillImported(String accountId, String userId, String runId, String fillId, String brokerOrderId,
                        String symbol, String side, BigDecimal quantity, BigDecimal price, Instant executedAt,
                        Instant at) implements SyncEvent {
    }

    /** The broker's balances, recorded when they differ from the last observation. */
    record BalanceObserved(String accountId, String userId, String runId, String currency, BigDecimal cash,
                           BigDecimal buyingPower, BigDecimal equity, Instant at) implements SyncEvent {
    }

    /** The checkpoint of one feed ({@code orders} or {@code activities}): the next run asks from here. */
    record CursorAdvanced(String accountId, String userId, String runId, String feed, Instant cursor, Instant at)
            implements SyncEvent {
    }

    record SyncRunCompleted(String accountId, String userId, String runId, Instant at) implements SyncEvent {
    }

    /** {@code code}: {@code broker-unavailable}, {@code broker-unauthenticated}, ..., {@code abandoned}. */
    record SyncRunFailed(String accountId, String userId, String runId, String code, String reason, Instant at)
            implements SyncEvent {
    }
}
