package io.tradecore.brokeraccount.policy;

import io.tradecore.brokeraccount.domain.AccountCommand;
import io.tradecore.brokeraccount.domain.AccountCommand.SyncBalance;
import io.tradecore.brokeraccount.domain.AccountId;
import io.tradecore.brokeraccount.domain.Money;
import io.tradecore.brokeraccount.domain.SyncedBalance;
import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.policy.Policy;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Function;

/**
 * When the data-sync worker observes a connected account's balances at its broker, record them on the account
 * ({@code account.balance-synced}), so the account and its balance query show what the broker holds. The account
 * records only a change, so a redelivered observation or a second sync changes nothing. Amounts are rounded to cents
 * half-even, the ledger's rule.
 */
public final class SyncedBalances {

    public static final String NAME = "importSyncedBalances";

    private SyncedBalances() {
    }

    public static Policy<SyncEvents> importSyncedBalances(Function<Command<AccountCommand>, CommandResult> accounts,
                                                          Clock clock) {
        return Policy.on(NAME, SyncEvents.VIEW, (event, send) -> {
            switch (event.payload()) {
                case SyncEvents.BalanceObserved b -> send.send(accounts, new SyncBalance(AccountId.of(b.accountId()),
                        balance(event, b), clock.instant()));
            }
        });
    }

    private static SyncedBalance balance(EventEnvelope<SyncEvents> event, SyncEvents.BalanceObserved b) {
        return new SyncedBalance(b.currency() == null ? null : b.currency().toUpperCase(Locale.ROOT), money(b.cash()),
                money(b.buyingPower()), money(b.equity()), b.at() != null ? b.at() : event.occurredAt());
    }

    private static Money money(BigDecimal amount) {
        return amount == null ? null : new Money(amount);
    }
}
