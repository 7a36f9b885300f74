package io.tradecore.brokeraccount.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An account as the {@code accounts} read model shows it. {@code buyingPower} is cash not held for working orders;
 * {@code equity} is cash plus the holdings at their last known price; {@code version} is the stream version it
 * reflects (price moves change equity, not the version). A connected account, once synced, shows its broker's
 * cash, buying power and equity as last reported, observed at {@code balanceSyncedAt} (null until the first sync,
 * and always for a paper account).
 */
public record AccountView(String accountId, String userId, String broker, String connectionId, String name,
                          String status, String currency, BigDecimal cash, BigDecimal reservedCash,
                          BigDecimal buyingPower, BigDecimal equity, boolean allowShorting, List<Holding> holdings,
                          Instant openedAt, Instant updatedAt, Instant balanceSyncedAt,
                          long version) {

    /** {@code lastPrice} is null until a price or a fill of the symbol is known. */
    public record Holding(String symbol, BigDecimal quantity, BigDecimal lastPrice) {
    }
}
