package io.tradecore.datasync.sync;

import io.tradecore.contracts.broker.BrokerAdapter;
import io.tradecore.contracts.broker.BrokerException;
import io.tradecore.contracts.broker.ConnectedBrokers;
import io.tradecore.datasync.domain.AccountSyncs;
import io.tradecore.datasync.domain.SyncCommand;
import io.tradecore.datasync.domain.SyncCommand.CompleteRun;
import io.tradecore.datasync.domain.SyncCommand.FailRun;
import io.tradecore.datasync.domain.SyncCommand.StartRun;
import io.tradecore.datasync.domain.SyncEvent.SyncRequested;
import io.tradecore.datasync.domain.SyncState;
import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.domain.Ids;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.RequestContext;
import io.tradecore.kernel.gateway.QueryBus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync run for one request: under {@code lock:sync:{accountId}}, start a run on the account's sync stream, page
 * through the broker's orders and activities from the stored cursors, observe the balance, and complete the run; a
 * broker failure ends the run as failed with its code, and the pages already stored stay (the next run resumes at
 * their cursor). Everything the run learns goes through the sync stream's commands, one page per append.
 */
public final class HistorySync {

    private static final Logger log = LoggerFactory.getLogger(HistorySync.class);

    /** How a request ended for this worker. */
    public enum Outcome { COMPLETED, FAILED, BUSY, NOT_SYNCABLE, TAKEN_OVER }

    private final Function<Command<SyncCommand>, CommandResult> syncs;
    private final Aggregates aggregates;
    private final QueryBus queries;
    private final Optional<ConnectedBrokers> brokers;
    private final SyncLocks locks;
    private final Clock clock;
    private final Ids ids;
    private final int maxPages;

    public HistorySync(Function<Command<SyncCommand>, CommandResult> syncs, Aggregates aggregates, QueryBus queries,
                       Optional<ConnectedBrokers> brokers, SyncLocks locks, Clock clock, Ids ids, int maxPages) {
        this.syncs = syncs;
        this.aggregates = aggregates;
        this.queries = queries;
        this.brokers = brokers;
        this.locks = locks;
        this.clock = clock;
        this.ids = ids;
        this.maxPages = maxPages;
    }

    /** Runs one request; a request the sync stream refuses (not the account's owner) is an answer, not a retry. */
    public Outcome run(SyncRequested request) {
        try {
            return locked(request);
        } catch (Rejection refused) {
            log.warn("account {}: sync request {} refused: {} {}", request.accountId(), request.requestId(),
                    refused.code(), refused.reason());
            return Outcome.NOT_SYNCABLE;
        }
    }

    private Outcome locked(SyncRequested request) {
        try (SyncLocks.Held lock = locks.acquire(request.accountId())) {
            if (lock.busy()) {
                log.info("account {}: a sync is already running; request {} left to it", request.accountId(),
                        request.requestId());
                return Outcome.BUSY;
            }
            Optional<SyncAccount> account = account(request);
            if (account.isEmpty()) {
                log.info("account {}: not a connected, open account of user {}; nothing to sync", request.accountId(),
                        request.userId());
                return Outcome.NOT_SYNCABLE;
            }
            Run run = new Run(request, account.get(), ids.next().toString(), lock);
            send(run, new StartRun(request.accountId(), request.userId(), run.id, request.requestId(), clock.instant()));
            return run.go();
        }
    }

    private Optional<SyncAccount> account(SyncRequested request) {
        return queries.find("getAccountById", Map.of("accountId", request.accountId()), Actor.system(request.userId()),
                        SyncAccount.class)
                .filter(a -> request.userId().equals(a.userId()) && a.isConnected() && a.isOpen());
    }

    private CommandResult send(Run run, SyncCommand command) {
        return syncs.apply(new Command<>(command, RequestContext.of(ids.next(), Actor.system(run.request.userId()))));
    }

    private final class Run {
        private final SyncRequested request;
        private final SyncAccount account;
        private final String id;
        private final SyncLocks.Held lock;

        Run(SyncRequested request, SyncAccount account, String id, SyncLocks.Held lock) {
            this.request = request;
            this.account = account;
            this.id = id;
            this.lock = lock;
        }

        Outcome go() {
            try {
                BrokerAdapter broker = brokers.orElseThrow(() -> new BrokerException(BrokerException.Code.UNAVAILABLE,
                        "no broker access in this deployment")).adapter(account.connectionId(), account.userId());
                String ref = account.accountRef();
                feed(AccountSyncs.ORDERS, from -> broker.orders(ref, from),
                        (from, page) -> SyncPlanner.orders(account.accountId(), id, from, page, clock.instant()));
                feed(AccountSyncs.ACTIVITIES, from -> broker.activities(ref, from),
                        (from, page) -> SyncPlanner.activities(account.accountId(), id, from, page, clock.instant()));
                send(this, SyncPlanner.balance(account.accountId(), id, broker.account(ref), clock.instant()));
                send(this, new CompleteRun(account.accountId(), id, clock.instant()));
                return Outcome.COMPLETED;
            } catch (BrokerException e) {
                return failed("broker-" + e.code().name().toLowerCase(Locale.ROOT).replace('_', '-'), e.getMessage());
            } catch (Rejection e) {
                if ("run-not-running".equals(e.code())) {
                    log.info("account {}: run {} was taken over by a newer run", account.accountId(), id);
                    return Outcome.TAKEN_OVER;
                }
                return failed(e.code(), e.reason());
            } catch (RuntimeException e) {
                // An adapter bug must still end the run visibly; if recording fails too, the request is redelivered.
                return failed("sync-error", e.getClass().getSimpleName());
            }
        }

        /** Pages through one feed from its cursor; each page's records and cursor are stored in one append. */
        private <T> void feed(String feed, Function<Instant, List<T>> fetch,
                              BiFunction<Instant, List<T>, SyncPlanner.Page<? extends SyncCommand>> plan) {
            Instant from = SyncPlanner.start(state(), feed, request.since());
            for (int page = 1; page <= maxPages; page++) {
                SyncPlanner.Page<? extends SyncCommand> planned = plan.apply(from, fetch.apply(from));
                planned.command().ifPresent(command -> send(this, command));
                if (!planned.more()) {
                    return;
                }
                from = planned.cursor();
                lock.renew();
            }
            log.info("account {}: {} stopped after {} pages; the next run goes on from the cursor",
                    account.accountId(), feed, maxPages);
        }

        private SyncState state() {
            return aggregates.load(AccountSyncs.AGGREGATE, AccountSyncs.streamId(account.accountId())).state();
        }

        private Outcome failed(String code, String reason) {
            log.warn("account {}: sync run {} failed: {} {}", account.accountId(), id, code, reason);
            send(this, new FailRun(account.accountId(), id, code, reason, clock.instant()));
            return Outcome.FAILED;
        }
    }
}
