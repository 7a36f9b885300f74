package io.tradecore.position.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One record per lifecycle state: a flat position has no side, average or quantity to get wrong. Both remember the
 * ids of the last {@link #REMEMBERED_FILLS} fills applied, so a fill delivered again (under a new event id, which
 * the policy's idempotency keys cannot recognise) changes nothing.
 */
public sealed interface PositionState {

    int REMEMBERED_FILLS = 100;

    List<String> recentFills();

    default boolean hasApplied(String fillId) {
        return recentFills().contains(fillId);
    }

    /** No position; the stream's start, and the state after every close. */
    record Flat(List<String> recentFills) implements PositionState {
        public Flat {
            recentFills = List.copyOf(recentFills);
        }
    }

    /** An open position; {@code realizedPnl} is what it realized since {@code openedAt}. */
    record Open(PositionSide side, Quantity quantity, AveragePrice averageEntryPrice, Money realizedPnl,
                Instant openedAt, List<String> recentFills) implements PositionState {
        public Open {
            recentFills = List.copyOf(recentFills);
        }

        Open resized(Quantity newQuantity, AveragePrice average, Money realized, String fillId) {
            return new Open(side, newQuantity, average, realized, openedAt, remember(recentFills, fillId));
        }
    }

    static List<String> remember(List<String> fills, String fillId) {
        if (fills.contains(fillId)) {
            return fills;
        }
        List<String> kept = new ArrayList<>(fills);
        kept.add(fillId);
        return kept.size() > REMEMBERED_FILLS ? kept.subList(kept.size() - REMEMBERED_FILLS, kept.size()) : kept;
    }
}
