package io.tradecore.brokeraccount.domain;

import io.tradecore.kernel.domain.Texts;
import java.time.Instant;
import java.util.Objects;

/**
 * A connected account's balances as its broker reports them (cash, buying power and equity; the last two may be
 * unknown), in {@code currency}, observed at {@code asOf}. TradeCore's own ledger does not move them.
 */
public record SyncedBalance(String currency, Money cash, Money buyingPower, Money equity, Instant asOf) {

    public SyncedBalance {
        Texts.required(currency, "currency");
        Texts.present(cash, "cash");
        Texts.present(asOf, "asOf");
    }

    /** The same amounts in the same currency, whenever observed. */
    boolean sameAmounts(SyncedBalance other) {
        return other != null && currency.equals(other.currency) && cash.equals(other.cash)
                && Objects.equals(buyingPower, other.buyingPower) && Objects.equals(equity, other.equity);
    }

    boolean observedBefore(SyncedBalance other) {
        return other != null && asOf.isBefore(other.asOf);
    }
}
