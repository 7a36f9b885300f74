package io.tradecore.brokeraccount.domain;

import io.tradecore.brokeraccount.domain.AccountCommand.ApproveOrder;
import io.tradecore.brokeraccount.domain.AccountCommand.DepositFunds;
import io.tradecore.brokeraccount.domain.AccountCommand.OpenAccount;
import io.tradecore.brokeraccount.domain.AccountCommand.ReleaseReservation;
import io.tradecore.brokeraccount.domain.AccountCommand.SettleFill;
import io.tradecore.brokeraccount.domain.AccountCommand.SyncBalance;
import io.tradecore.brokeraccount.domain.AccountCommand.WithdrawFunds;
import io.tradecore.brokeraccount.domain.AccountEvent.AccountOpened;
import io.tradecore.brokeraccount.domain.AccountEvent.BalanceSynced;
import io.tradecore.brokeraccount.domain.AccountEvent.FillSettled;
import io.tradecore.brokeraccount.domain.AccountEvent.FundsDeposited;
import io.tradecore.brokeraccount.domain.AccountEvent.FundsWithdrawn;
import io.tradecore.brokeraccount.domain.AccountEvent.OrderApproved;
import io.tradecore.brokeraccount.domain.AccountEvent.OrderDeclined;
import io.tradecore.brokeraccount.domain.AccountEvent.ReservationReleased;
import io.tradecore.brokeraccount.domain.AccountState.Open;
import io.tradecore.brokeraccount.domain.AccountState.Unopened;
import io.tradecore.kernel.domain.Aggregate;
import io.tradecore.kernel.domain.Decider;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.kernel.domain.Rejection;
import java.util.List;
import java.util.Map;

/** The account decider: what each command does to an account, and how its events change it. */
public final class Accounts {

    public static final String DOMAIN = "broker_account";
    public static final String PAPER_BROKER = "virtual";

    public static final EventTypes<AccountEvent> EVENTS = EventTypes.of(DOMAIN, AccountEvent.class)
            .add(AccountOpened.class, "account.opened", 1)
            .add(FundsDeposited.class, "account.funds-deposited", 1)
            .add(FundsWithdrawn.class, "account.funds-withdrawn", 1)
            .add(OrderApproved.class, "account.order-approved", 1)
            .add(OrderDeclined.class, "account.order-declined", 1)
            .add(FillSettled.class, "account.fill-settled", 1)
            .add(ReservationReleased.class, "account.reservation-released", 1)
            .add(BalanceSynced.class, "account.balance-synced", 1)
            .build();

    public static final Decider<AccountCommand, AccountState, AccountEvent> DECIDER =
            new Decider<>(Accounts::decide, Accounts::evolve, new Unopened());

    /** Snapshot schema 2: {@link Open} gained the synced balance; schema-1 snapshots are passed over and rebuilt. */
    public static final Aggregate<AccountCommand, AccountState, AccountEvent> AGGREGATE =
            Aggregate.of(DECIDER, EVENTS, AccountState.class).snapshotEvery(100, 2);

    private Accounts() {
    }

    static List<AccountEvent> decide(AccountCommand command, AccountState state) {
        return switch (command) {
            case OpenAccount c -> state instanceof Unopened
                    ? List.of(new AccountOpened(c.accountId(), c.userId(), c.broker(), c.connectionId(), c.name(),
                            c.currency(), c.allowShorting(), c.at()))
                    : Rejection.conflict("account-exists", "this account is already open").raise();
            case DepositFunds c -> {
                Open open = open(state);
                yield List.of(new FundsDeposited(c.accountId(), open.userId(), c.transferId(), c.amount(),
                        open.cash().plus(c.amount()), c.at()));
            }
            case WithdrawFunds c -> {
                Open open = open(state);
                if (c.amount().compareTo(open.buyingPower()) > 0) {
                    throw Rejection.unprocessable("insufficient-funds", "only " + open.buyingPower()
                            + " " + open.currency() + " can be withdrawn (cash not held for working orders)");
                }
                yield List.of(new FundsWithdrawn(c.accountId(), open.userId(), c.transferId(), c.amount(),
                        open.cash().minus(c.amount()), c.at()));
            }
            case ApproveOrder c -> OrderApprovals.decide(open(state), c);
            case SettleFill c -> Settlements.settle(open(state), c);
            case ReleaseReservation c -> Settlements.release(open(state), c.orderId(), c.at());
            case SyncBalance c -> syncBalance(open(state), c);
        };
    }

    static AccountState evolve(AccountState state, AccountEvent event) {
        return switch (event) {
            case AccountOpened e -> new Open(e.accountId(), e.userId(), e.broker(), e.currency(), e.allowShorting(),
                    Money.ZERO, Map.of(), Map.of(), null);
            case FundsDeposited e -> open(state).withCash(e.cash());
            case FundsWithdrawn e -> open(state).withCash(e.cash());
            case OrderApproved e -> open(state).withReservation(e.orderId(),
                    new Reservation(e.side(), e.symbol(), e.quantity(), e.reservedCash(), e.reservedQuantity()));
            case OrderDeclined e -> state;
            case FillSettled e -> Settlements.evolve(open(state), e);
            case ReservationReleased e -> open(state).withoutReservation(e.orderId());
            case BalanceSynced e -> open(state).withSynced(new SyncedBalance(e.currency(), e.cash(), e.buyingPower(),
                    e.equity(), e.asOf()));
        };
    }

    /**
     * A connected account takes its broker's balances as they come, but only a change is recorded (syncing twice
     * changes nothing) and an observation older than the recorded one changes nothing either. A paper account's
     * balances are TradeCore's own ledger, which no broker reports.
     */
    private static List<AccountEvent> syncBalance(Open open, SyncBalance c) {
        SyncedBalance reported = c.balance();
        if (open.paper()) {
            throw Rejection.conflict("paper-account", "a paper account's balance is its own ledger; only a "
                    + "connected account's balance is synced from its broker");
        }
        if (!reported.currency().equals(open.currency())) {
            throw Rejection.unprocessable("currency-mismatch", "the broker reported the balance in "
                    + reported.currency() + ", the account is in " + open.currency());
        }
        if (reported.sameAmounts(open.synced()) || reported.observedBefore(open.synced())) {
            return List.of();
        }
        return List.of(new BalanceSynced(c.accountId(), open.userId(), reported.currency(), reported.cash(),
                reported.buyingPower(), reported.equity(), reported.asOf(), c.at()));
    }

    private static Open open(AccountState state) {
        return switch (state) {
            case Open open -> open;
            case Unopened unopened -> throw accountNotFound();
        };
    }

    public static Rejection accountNotFound() {
        return Rejection.notFound("account-not-found", "account not found");
    }
}
