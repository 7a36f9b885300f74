package io.tradecore.brokeraccount.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What has happened to an account, in the past tense, with the payload fields of functions/TRADING.md. Stored
 * under the names in {@link Accounts#EVENTS}.
 */
public sealed interface AccountEvent {

    AccountId accountId();

    String userId();

    record AccountOpened(AccountId accountId, String userId, String broker, String connectionId, String name,
                         String currency, boolean allowShorting, Instant at) implements AccountEvent {
    }

    /** {@code cash} is the balance after the deposit. */
    record FundsDeposited(AccountId accountId, String userId, UUID transferId, Money amount, Money cash, Instant at)
            implements AccountEvent {
    }

    record FundsWithdrawn(AccountId accountId, String userId, UUID transferId, Money amount, Money cash, Instant at)
            implements AccountEvent {
    }

    /** Carries the order's terms, so the broker can route it from this event alone. */
    record OrderApproved(AccountId accountId, String userId, String broker, String orderId, String clientOrderId,
                         Symbol symbol, Side side, BigDecimal quantity, String type, BigDecimal limitPrice,
                         BigDecimal stopPrice, BigDecimal trailAmount, BigDecimal trailPercent, String timeInForce,
                         Money reservedCash, BigDecimal reservedQuantity, Instant at) implements AccountEvent {
    }

    record OrderDeclined(AccountId accountId, String userId, String orderId, String code, String reason, Instant at)
            implements AccountEvent {
    }

    /**
     * {@code cash} is the balance after the fill; {@code reservedCashUsed} and {@code reservedQuantityUsed} are what
     * the fill took from its order's reservation (beyond the contract's fields, so replays never recompute them).
     */
    record FillSettled(AccountId accountId, String userId, String orderId, String fillId, Symbol symbol, Side side,
                       BigDecimal quantity, BigDecimal price, Money commission, Money cashChange, Money cash,
                       Money reservedCashUsed, BigDecimal reservedQuantityUsed, Instant at) implements AccountEvent {
    }

    record ReservationReleased(AccountId accountId, String userId, String orderId, Money releasedCash,
                               BigDecimal releasedQuantity, Instant at) implements AccountEvent {
    }

    /**
     * A connected account's balances as its broker reported them to a history sync, recorded only when they differ
     * from the last synced ones. {@code buyingPower} and {@code equity} are null when the broker does not report
     * them; {@code asOf} is when the sync observed them.
     */
    record BalanceSynced(AccountId accountId, String userId, String currency, Money cash, Money buyingPower,
                         Money equity, Instant asOf, Instant at) implements AccountEvent {
    }
}
