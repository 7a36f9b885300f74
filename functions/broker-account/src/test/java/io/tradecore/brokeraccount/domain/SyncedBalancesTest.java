package io.tradecore.brokeraccount.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.brokeraccount.domain.AccountCommand.SyncBalance;
import io.tradecore.brokeraccount.domain.AccountEvent.AccountOpened;
import io.tradecore.brokeraccount.domain.AccountEvent.BalanceSynced;
import io.tradecore.brokeraccount.domain.AccountState.Open;
import io.tradecore.kernel.testing.DeciderSpec;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A connected account's broker balances, brought in by history syncs, as given/when/then over the decider. */
class SyncedBalancesTest {

    private static final Instant OBSERVED = Instant.parse("2026-03-02T15:00:00Z");
    private static final Instant AT = OBSERVED.plusSeconds(1);
    private static final String OWNER = "0190a000-0000-7000-8000-000000000001";

    private final AccountId id = new AccountId(UUID.randomUUID());
    private final AccountOpened connected = new AccountOpened(id, OWNER, "alpaca", "conn-1", "alpaca PA-1", "USD",
            false, AT);
    private final SyncedBalance reported = new SyncedBalance("USD", Money.of("5033"), Money.of("5033.00"),
            Money.of("5533.004"), OBSERVED);
    private final BalanceSynced synced = new BalanceSynced(id, OWNER, "USD", Money.of("5033.00"),
            Money.of("5033.00"), Money.of("5533.00"), OBSERVED, AT);

    private DeciderSpec<AccountCommand, AccountState, AccountEvent> spec() {
        return DeciderSpec.of(Accounts.DECIDER);
    }

    @Test
    void a_connected_accounts_broker_balance_is_recorded_once_and_a_second_sync_changes_nothing() {
        spec().given(connected).when(new SyncBalance(id, reported, AT)).then(synced);
        spec().given(connected, synced).when(new SyncBalance(id, reported, AT)).thenNothingHappens();
        SyncedBalance later = new SyncedBalance("USD", Money.of("5033"), Money.of("5033"), Money.of("5533"),
                OBSERVED.plusSeconds(3600));
        spec().given(connected, synced).when(new SyncBalance(id, later, AT)).thenNothingHappens();
        assertThat(spec().given(connected, synced).state()).isInstanceOfSatisfying(Open.class,
                open -> assertThat(open.synced()).isEqualTo(new SyncedBalance("USD", Money.of("5033"),
                        Money.of("5033"), Money.of("5533"), OBSERVED)));
    }

    @Test
    void a_changed_balance_is_recorded_and_an_older_observation_changes_nothing() {
        SyncedBalance changed = new SyncedBalance("USD", Money.of("4000"), null, null, OBSERVED.plusSeconds(60));
        spec().given(connected, synced).when(new SyncBalance(id, changed, AT)).then(new BalanceSynced(id, OWNER,
                "USD", Money.of("4000"), null, null, OBSERVED.plusSeconds(60), AT));
        SyncedBalance stale = new SyncedBalance("USD", Money.of("1"), null, null, OBSERVED.minusSeconds(60));
        spec().given(connected, synced).when(new SyncBalance(id, stale, AT)).thenNothingHappens();
    }

    @Test
    void a_synced_balance_never_moves_the_ledger_nor_the_buying_power_gate() {
        Open open = (Open) spec().given(connected, synced).state();
        assertThat(open.cash()).isEqualTo(Money.ZERO);
        assertThat(open.buyingPower()).isEqualTo(Money.ZERO);
        assertThat(open.reservations()).isEmpty();
    }

    @Test
    void a_paper_account_an_unopened_one_and_another_currency_are_refused() {
        AccountOpened paper = new AccountOpened(id, OWNER, "virtual", null, "Main", "USD", false, AT);
        spec().given(paper).when(new SyncBalance(id, reported, AT)).thenRejected("paper-account");
        spec().given().when(new SyncBalance(id, reported, AT)).thenRejected("account-not-found");
        spec().given(connected).when(new SyncBalance(id, new SyncedBalance("EUR", Money.of("1"), null, null,
                OBSERVED), AT)).thenRejected("currency-mismatch");
    }
}
