package io.tradecore.datasync.domain;

import io.tradecore.datasync.domain.SyncCommand.CompleteRun;
import io.tradecore.datasync.domain.SyncCommand.FailRun;
import io.tradecore.datasync.domain.SyncCommand.FillRecord;
import io.tradecore.datasync.domain.SyncCommand.ImportFills;
import io.tradecore.datasync.domain.SyncCommand.ImportOrders;
import io.tradecore.datasync.domain.SyncCommand.ObserveBalance;
import io.tradecore.datasync.domain.SyncCommand.OrderRecord;
import io.tradecore.datasync.domain.SyncCommand.RequestSync;
import io.tradecore.datasync.domain.SyncCommand.StartRun;
import io.tradecore.datasync.domain.SyncEvent.BalanceObserved;
import io.tradecore.datasync.domain.SyncEvent.CursorAdvanced;
import io.tradecore.datasync.domain.SyncEvent.FillImported;
import io.tradecore.datasync.domain.SyncEvent.OrderImported;
import io.tradecore.datasync.domain.SyncEvent.OrderUpdated;
import io.tradecore.datasync.domain.SyncEvent.SyncRequested;
import io.tradecore.datasync.domain.SyncEvent.SyncRunCompleted;
import io.tradecore.datasync.domain.SyncEvent.SyncRunFailed;
import io.tradecore.datasync.domain.SyncEvent.SyncRunStarted;
import io.tradecore.kernel.domain.Aggregate;
import io.tradecore.kernel.domain.Decider;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.kernel.domain.Rejection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The account-sync decider. It turns pages of broker records into events only for what it has not seen (by broker
 * id, and for orders by their progress), and moves a feed's cursor only forward, in the same append as the page's
 * records: a run that stops half-way has stored exactly the pages it finished. Only the run in progress may import;
 * starting a run ends one left unfinished (a crashed worker) as {@code abandoned}.
 */
public final class AccountSyncs {

    public static final String DOMAIN = "data_sync";
    public static final String ORDERS = "orders";
    public static final String ACTIVITIES = "activities";

    public static final EventTypes<SyncEvent> EVENTS = EventTypes.of(DOMAIN, SyncEvent.class)
            .add(SyncRequested.class, "sync.requested", 1)
            .add(SyncRunStarted.class, "sync.run-started", 1)
            .add(OrderImported.class, "sync.order-imported", 1)
            .add(OrderUpdated.class, "sync.order-updated", 1)
            .add(FillImported.class, "sync.fill-imported", 1)
            .add(BalanceObserved.class, "sync.balance-observed", 1)
            .add(CursorAdvanced.class, "sync.cursor-advanced", 1)
            .add(SyncRunCompleted.class, "sync.run-completed", 1)
            .add(SyncRunFailed.class, "sync.run-failed", 1)
            .build();

    public static final Decider<SyncCommand, SyncState, SyncEvent> DECIDER =
            new Decider<>(AccountSyncs::decide, AccountSyncs::evolve, SyncState.INITIAL);

    public static final Aggregate<SyncCommand, SyncState, SyncEvent> AGGREGATE =
            Aggregate.of(DECIDER, EVENTS, SyncState.class).snapshotEvery(100, 1);

    private AccountSyncs() {
    }

    public static String streamId(String accountId) {
        return "sync-" + accountId;
    }

    static List<SyncEvent> decide(SyncCommand command, SyncState state) {
        return switch (command) {
            case RequestSync c -> {
                if (state.userId() != null && !state.userId().equals(c.userId())) {
                    throw Rejection.notFound("account-not-found", "account not found");
                }
                yield List.of(new SyncRequested(c.accountId(), c.userId(), c.requestId(), c.since(), c.trigger(), c.at()));
            }
            case StartRun c -> start(c, state);
            case ImportOrders c -> importOrders(c, running(state, c.runId()));
            case ImportFills c -> importFills(c, running(state, c.runId()));
            case ObserveBalance c -> {
                String observed = balanceKey(c.currency(), c.cash(), c.buyingPower(), c.equity());
                yield observed.equals(running(state, c.runId()).balance()) ? List.of()
                        : List.of(new BalanceObserved(c.accountId(), state.userId(), c.runId(), c.currency(), c.cash(),
                                c.buyingPower(), c.equity(), c.at()));
            }
            case CompleteRun c -> state.isRunning(c.runId())
                    ? List.of(new SyncRunCompleted(c.accountId(), state.userId(), c.runId(), c.at())) : List.of();
            case FailRun c -> state.isRunning(c.runId())
                    ? List.of(new SyncRunFailed(c.accountId(), state.userId(), c.runId(), c.code(), c.reason(), c.at()))
                    : List.of();
        };
    }

    private static List<SyncEvent> start(StartRun c, SyncState state) {
        if (state.isRunning(c.runId())) {
            return List.of();
        }
        List<SyncEvent> events = new ArrayList<>();
        if (state.runningRun() != null) {
            events.add(new SyncRunFailed(c.accountId(), c.userId(), state.runningRun(), "abandoned",
                    "a newer run started before this one ended", c.at()));
        }
        events.add(new SyncRunStarted(c.accountId(), c.userId(), c.runId(), c.requestId(), c.at()));
        return events;
    }

    /** Another run took over (or this one ended): the page is refused, so two runs never import side by side. */
    private static SyncState running(SyncState state, String runId) {
        if (!state.isRunning(runId)) {
            throw Rejection.conflict("run-not-running", "sync run " + runId + " is not the account's current run");
        }
        return state;
    }

    private static List<SyncEvent> importOrders(ImportOrders c, SyncState state) {
        List<SyncEvent> events = new ArrayList<>();
        SyncState seen = state;
        for (OrderRecord o : c.orders()) {
            String progress = progress(o.status(), o.filledQuantity(), o.averageFillPrice());
            String known = seen.orders().get(o.brokerOrderId());
            SyncEvent event = known == null
                    ? new OrderImported(c.accountId(), state.userId(), c.runId(), o.brokerOrderId(), o.clientOrderId(),
                            o.symbol(), o.side(), o.quantity(), o.type(), o.limitPrice(), o.stopPrice(), o.timeInForce(),
                            o.status(), o.filledQuantity(), o.averageFillPrice(), o.submittedAt(), o.updatedAt(), c.at())
                    : known.equals(progress) ? null
                    : new OrderUpdated(c.accountId(), state.userId(), c.runId(), o.brokerOrderId(), o.status(),
                            o.filledQuantity(), o.averageFillPrice(), o.updatedAt(), c.at());
            if (event != null) {
                events.add(event);
                seen = evolve(seen, event);
            }
        }
        advance(events, c.accountId(), state, c.runId(), ORDERS, c.cursor(), c.at());
        return events;
    }

    private static List<SyncEvent> importFills(ImportFills c, SyncState state) {
        List<SyncEvent> events = new ArrayList<>();
        SyncState seen = state;
        for (FillRecord f : c.fills()) {
            if (!seen.fills().contains(f.fillId())) {
                FillImported event = new FillImported(c.accountId(), state.userId(), c.runId(), f.fillId(),
                        f.brokerOrderId(), f.symbol(), f.side(), f.quantity(), f.price(), f.executedAt(), c.at());
                events.add(event);
                seen = evolve(seen, event);
            }
        }
        advance(events, c.accountId(), state, c.runId(), ACTIVITIES, c.cursor(), c.at());
        return events;
    }

    private static void advance(List<SyncEvent> events, String accountId, SyncState state, String runId, String feed,
                                Instant cursor, Instant at) {
        Instant current = state.cursor(feed);
        if (current == null || cursor.isAfter(current)) {
            events.add(new CursorAdvanced(accountId, state.userId(), runId, feed, cursor, at));
        }
    }

    static SyncState evolve(SyncState state, SyncEvent event) {
        return switch (event) {
            case SyncRequested e -> state.withUser(e.userId());
            case SyncRunStarted e -> state.withUser(e.userId()).withRun(e.runId());
            case OrderImported e -> state.withOrder(e.brokerOrderId(),
                    progress(e.status(), e.filledQuantity(), e.averageFillPrice()));
            case OrderUpdated e -> state.withOrder(e.brokerOrderId(),
                    progress(e.status(), e.filledQuantity(), e.averageFillPrice()));
            case FillImported e -> state.withFill(e.fillId());
            case BalanceObserved e -> state.withBalance(balanceKey(e.currency(), e.cash(), e.buyingPower(), e.equity()));
            case CursorAdvanced e -> state.withCursor(e.feed(), e.cursor());
            case SyncRunCompleted e -> state.isRunning(e.runId()) ? state.withRun(null) : state;
            case SyncRunFailed e -> state.isRunning(e.runId()) ? state.withRun(null) : state;
        };
    }

    /** An order's progress at the broker; a change of any part is an update worth recording. */
    static String progress(String status, BigDecimal filled, BigDecimal averagePrice) {
        return status + "|" + plain(filled) + "|" + plain(averagePrice);
    }

    private static String balanceKey(String currency, BigDecimal cash, BigDecimal buyingPower, BigDecimal equity) {
        return currency + "|" + plain(cash) + "|" + plain(buyingPower) + "|" + plain(equity);
    }

    private static String plain(BigDecimal value) {
        return Objects.isNull(value) ? "" : value.stripTrailingZeros().toPlainString();
    }
}
