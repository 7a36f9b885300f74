package io.tradecore.position.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What has happened to a position, in the past tense; fields as in functions/TRADING.md. Quantities are
 * magnitudes: the side says which way the position faces. Stored under the names in {@link Positions#EVENTS}.
 */
public sealed interface PositionEvent {

    AccountId accountId();

    UUID userId();

    Symbol symbol();

    String fillId();

    Instant at();

    /** A flat position took a side. */
    record PositionOpened(AccountId accountId, UUID userId, Symbol symbol, PositionSide side, Quantity quantity,
                          AveragePrice averageEntryPrice, String fillId, Instant at) implements PositionEvent {
    }

    /** A fill on the position's side added to it; the average entry is the new cost-weighted one. */
    record PositionIncreased(AccountId accountId, UUID userId, Symbol symbol, String fillId, Quantity quantity,
                             Price price, Quantity newQuantity, AveragePrice averageEntryPrice, Instant at)
            implements PositionEvent {
    }

    /** A fill against the position took part of it off, realizing {@code realizedPnl}; the average entry stays. */
    record PositionReduced(AccountId accountId, UUID userId, Symbol symbol, String fillId, Quantity quantity,
                           Price price, Money realizedPnl, Quantity newQuantity, Instant at) implements PositionEvent {
    }

    /**
     * A fill took the position to zero: {@code quantity} is what that fill closed, {@code realizedPnl} what it
     * realized, {@code totalRealizedPnl} what the position realized from {@code openedAt} to its close.
     */
    record PositionClosed(AccountId accountId, UUID userId, Symbol symbol, PositionSide side, String fillId,
                          Quantity quantity, Price price, Money realizedPnl, Money totalRealizedPnl, Instant openedAt,
                          Instant at) implements PositionEvent {
    }
}
