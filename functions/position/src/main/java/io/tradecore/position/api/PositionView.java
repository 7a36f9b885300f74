package io.tradecore.position.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An open position as the {@code positions} read model shows it, valued at the symbol's last price.
 * {@code quantity} is a magnitude (the side says which way); {@code costBasis} = quantity × averageEntryPrice;
 * {@code realizedPnl} is what this position realized since it opened; {@code marketValue} = quantity × lastPrice,
 * negative for a short; {@code unrealizedPnl} = (last − average) × quantity for a long, (average − last) × quantity
 * for a short. The last three are null until the symbol has traded. {@code version} is the stream version shown.
 */
public record PositionView(String accountId, String userId, String symbol, String side, BigDecimal quantity,
                           BigDecimal averageEntryPrice, BigDecimal costBasis, BigDecimal realizedPnl,
                           BigDecimal lastPrice, BigDecimal marketValue, BigDecimal unrealizedPnl, Instant openedAt,
                           Instant updatedAt, long version) {
}
