package io.tradecore.position.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A position from open to flat: its side, the largest quantity it held, its average entry when it closed, the
 * price of the closing fill and what it realized over its life.
 */
public record ClosedPositionView(String accountId, String userId, String symbol, String side, BigDecimal maxQuantity,
                                 BigDecimal averageEntryPrice, BigDecimal exitPrice, BigDecimal realizedPnl,
                                 Instant openedAt, Instant closedAt) {
}
