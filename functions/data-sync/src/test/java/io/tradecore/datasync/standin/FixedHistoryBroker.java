package io.tradecore.datasync.standin;

import io.tradecore.contracts.broker.BrokerAccount;
import io.tradecore.contracts.broker.BrokerActivity;
import io.tradecore.contracts.broker.BrokerAdapter;
import io.tradecore.contracts.broker.BrokerException;
import io.tradecore.contracts.broker.BrokerOrder;
import io.tradecore.contracts.broker.BrokerPosition;
import io.tradecore.contracts.broker.OrderRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broker that plays a fixed history the way a paging REST broker answers: records strictly after {@code since},
 * oldest first, at most {@code pageSize} per call. Tests can make one call fail (as a 503 would) and hold the first
 * call until released; every call is logged with its {@code since}.
 */
public final class FixedHistoryBroker implements BrokerAdapter {

    public record Call(String feed, Instant since) {
    }

    private final List<BrokerOrder> orders;
    private final List<BrokerActivity> activities;
    private final BrokerAccount account;
    private final int pageSize;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failOnCall = new AtomicInteger(-1);
    private volatile CountDownLatch entered;
    private volatile CountDownLatch release;

    public FixedHistoryBroker(List<BrokerOrder> orders, List<BrokerActivity> activities, BrokerAccount account,
                              int pageSize) {
        this.orders = orders.stream().sorted(Comparator.comparing(BrokerOrder::submittedAt)).toList();
        this.activities = activities.stream().sorted(Comparator.comparing(BrokerActivity::at)).toList();
        this.account = account;
        this.pageSize = pageSize;
    }

    /** Every call so far, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The {@code n}-th call from now (1-based, over all feeds) answers 503 once. */
    public void failOnCall(int n) {
        failOnCall.set(calls.size() + n);
    }

    /** The next call waits until {@link #release()}; answers a latch that opens when the call arrived. */
    public CountDownLatch holdNextCall() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
        return entered;
    }

    public void release() {
        release.countDown();
    }

    private void call(String feed, Instant since) {
        calls.add(new Call(feed, since));
        CountDownLatch arrived = entered;
        if (arrived != null) {
            entered = null;
            arrived.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("held call never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (failOnCall.compareAndSet(calls.size(), -1)) {
            throw new BrokerException(BrokerException.Code.UNAVAILABLE, "the broker answered 503",
                    Duration.ofSeconds(1));
        }
    }

    @Override
    public String broker() {
        return "stub";
    }

    @Override
    public List<BrokerOrder> orders(String accountRef, Instant since) {
        call("orders", since);
        return orders.stream().filter(o -> o.submittedAt().isAfter(since)).limit(pageSize).toList();
    }

    @Override
    public List<BrokerActivity> activities(String accountRef, Instant since) {
        call("activities", since);
        return activities.stream().filter(a -> a.at().isAfter(since)).limit(pageSize).toList();
    }

    @Override
    public BrokerAccount account(String accountRef) {
        call("account", null);
        return account;
    }

    @Override
    public List<BrokerPosition> positions(String accountRef) {
        return List.of();
    }

    @Override
    public BrokerOrder submitOrder(OrderRequest request) {
        throw new BrokerException(BrokerException.Code.REJECTED, "a history stub takes no orders");
    }

    @Override
    public Optional<BrokerOrder> findOrder(String accountRef, String clientOrderId) {
        return orders.stream().filter(o -> clientOrderId.equals(o.clientOrderId())).findFirst();
    }

    @Override
    public BrokerOrder cancelOrder(String accountRef, String brokerOrderId) {
        throw new BrokerException(BrokerException.Code.REJECTED, "a history stub takes no orders");
    }

    /** Five orders (one still open), four fills, a deposit and a balance, from {@code start} on. */
    public static FixedHistoryBroker typical(Instant start, int pageSize) {
        List<BrokerOrder> orders = List.of(
                order("o-1", start, "buy", "10", "filled", "10", "100.00"),
                order("o-2", start.plusSeconds(60), "buy", "5", "filled", "5", "101.00"),
                order("o-3", start.plusSeconds(120), "sell", "8", "filled", "8", "103.50"),
                order("o-4", start.plusSeconds(180), "sell", "2", "filled", "2", "104.00"),
                order("o-5", start.plusSeconds(240), "buy", "3", "new", "0", null));
        List<BrokerActivity> activities = List.of(
                new BrokerActivity("d-1", "deposit", null, null, null, null, null, new BigDecimal("5000.00"),
                        start.minusSeconds(60)),
                fill("f-1", "o-1", "buy", "10", "100.00", start.plusSeconds(1)),
                fill("f-2", "o-2", "buy", "5", "101.00", start.plusSeconds(61)),
                fill("f-3", "o-3", "sell", "8", "103.50", start.plusSeconds(121)),
                fill("f-4", "o-4", "sell", "2", "104.00", start.plusSeconds(181)));
        BrokerAccount account = new BrokerAccount("PA-1", "USD", new BigDecimal("5033.00"),
                new BigDecimal("5033.00"), new BigDecimal("5533.00"), "ACTIVE");
        return new FixedHistoryBroker(orders, activities, account, pageSize);
    }

    private static BrokerOrder order(String id, Instant at, String side, String qty, String status, String filled,
                                     String average) {
        return new BrokerOrder(id, "c-" + id, "ACME", side, new BigDecimal(qty), "market", null, null, "day", status,
                new BigDecimal(filled), average == null ? null : new BigDecimal(average), at, at.plusSeconds(1));
    }

    private static BrokerActivity fill(String id, String order, String side, String qty, String price, Instant at) {
        return new BrokerActivity(id, "fill", order, "ACME", side, new BigDecimal(qty), new BigDecimal(price),
                new BigDecimal(qty).multiply(new BigDecimal(price)).negate(), at);
    }
}
