package io.tradecore.datasync.sync;

import io.tradecore.contracts.broker.BrokerAccount;
import io.tradecore.contracts.broker.BrokerActivity;
import io.tradecore.contracts.broker.BrokerException;
import io.tradecore.contracts.broker.BrokerException.Code;
import io.tradecore.contracts.broker.BrokerOrder;
import io.tradecore.datasync.domain.SyncCommand;
import io.tradecore.datasync.domain.SyncCommand.FillRecord;
import io.tradecore.datasync.domain.SyncCommand.ImportFills;
import io.tradecore.datasync.domain.SyncCommand.ImportOrders;
import io.tradecore.datasync.domain.SyncCommand.ObserveBalance;
import io.tradecore.datasync.domain.SyncCommand.OrderRecord;
import io.tradecore.datasync.domain.SyncState;
import io.tradecore.kernel.domain.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns pages of broker records into sync commands: which records a page holds in TradeCore's terms, and where the
 * next page starts. Pure functions over the adapter's records; the decider then keeps only what is new.
 *
 * <p>Paging follows the {@link io.tradecore.contracts.broker.BrokerAdapter} contract, which pages by time: each call
 * asks for records after a point, the answer's newest time is the next page's start (the cursor), and a page whose
 * newest time does not move past its start ends the feed. Orders are paged by submission time, activities by their
 * time. A record the broker repeats across a page boundary is harmless: the decider knows its id.
 */
public final class SyncPlanner {

    /** Where a feed starts when the account never synced and the request names no {@code since}. */
    public static final Instant BEGINNING = Instant.EPOCH;

    private SyncPlanner() {
    }

    /** One planned page: its command (absent for an empty page), its cursor, and whether to ask for another. */
    public record Page<C extends SyncCommand>(Optional<C> command, Instant cursor, boolean more) {
    }

    /**
     * Where a feed's first page of a run starts: the stored cursor, or earlier when the request asks to look further
     * back (never later: a later {@code since} would leave a gap).
     */
    public static Instant start(SyncState state, String feed, Instant since) {
        Instant cursor = state.cursor(feed);
        if (cursor == null) {
            return since != null ? since : BEGINNING;
        }
        return since != null && since.isBefore(cursor) ? since : cursor;
    }

    public static Page<ImportOrders> orders(String accountId, String runId, Instant from, List<BrokerOrder> page,
                                            Instant now) {
        List<OrderRecord> records = translate(page, SyncPlanner::order);
        Instant cursor = newest(from, records.stream().map(OrderRecord::submittedAt).toList());
        return records.isEmpty() ? new Page<>(Optional.empty(), from, false)
                : new Page<>(Optional.of(new ImportOrders(accountId, runId, records, cursor, now)), cursor,
                        cursor.isAfter(from));
    }

    /** Fills become {@link FillRecord}s; transfers and fees only move the cursor (the balance shows their effect). */
    public static Page<ImportFills> activities(String accountId, String runId, Instant from, List<BrokerActivity> page,
                                               Instant now) {
        List<FillRecord> fills = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (BrokerActivity activity : page) {
            if (activity.activityId() == null || activity.at() == null) {
                throw malformed("an activity without id or time");
            }
            times.add(activity.at());
            if ("fill".equalsIgnoreCase(activity.kind())) {
                fills.add(translate(activity, SyncPlanner::fill));
            }
        }
        Instant cursor = newest(from, times);
        return page.isEmpty() ? new Page<>(Optional.empty(), from, false)
                : new Page<>(Optional.of(new ImportFills(accountId, runId, fills, cursor, now)), cursor,
                        cursor.isAfter(from));
    }

    public static ObserveBalance balance(String accountId, String runId, BrokerAccount account, Instant now) {
        return translate(account, a -> new ObserveBalance(accountId, runId,
                a.currency() == null ? null : a.currency().toUpperCase(Locale.ROOT), a.cash(), a.buyingPower(),
                a.equity(), now));
    }

    private static OrderRecord order(BrokerOrder o) {
        if (o.submittedAt() == null) {
            throw malformed("order " + o.brokerOrderId() + " has no submission time");
        }
        return new OrderRecord(o.brokerOrderId(), o.clientOrderId(), upper(o.symbol()), lower(o.side()), o.quantity(),
                lower(o.type()), o.limitPrice(), o.stopPrice(), lower(o.timeInForce()), lower(o.status()),
                o.filledQuantity(), o.averageFillPrice(), o.submittedAt(), o.updatedAt());
    }

    private static FillRecord fill(BrokerActivity a) {
        return new FillRecord(a.activityId(), a.brokerOrderId(), upper(a.symbol()), lower(a.side()),
                a.quantity() == null ? null : a.quantity().abs(), a.price(), a.at());
    }

    private static <B, R> List<R> translate(List<B> page, Function<B, R> each) {
        return page.stream().map(record -> translate(record, each)).toList();
    }

    /** A record TradeCore cannot read is the broker's fault, not a reason to skip it silently (it would be lost). */
    private static <B, R> R translate(B record, Function<B, R> each) {
        try {
            return each.apply(record);
        } catch (Rejection unreadable) {
            throw malformed(unreadable.reason());
        }
    }

    private static Instant newest(Instant from, List<Instant> times) {
        return times.stream().max(Instant::compareTo).filter(t -> t.isAfter(from)).orElse(from);
    }

    private static BrokerException malformed(String what) {
        return new BrokerException(Code.MALFORMED, "the broker's history cannot be read: " + what);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
