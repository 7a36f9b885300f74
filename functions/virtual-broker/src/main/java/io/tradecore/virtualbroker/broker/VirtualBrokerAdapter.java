package io.tradecore.virtualbroker.broker;

import io.tradecore.contracts.broker.BrokerAccount;
import io.tradecore.contracts.broker.BrokerActivity;
import io.tradecore.contracts.broker.BrokerAdapter;
import io.tradecore.contracts.broker.BrokerException;
import io.tradecore.contracts.broker.BrokerOrder;
import io.tradecore.contracts.broker.BrokerPosition;
import io.tradecore.contracts.broker.OrderRequest;
import io.tradecore.kernel.domain.Ids;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.RequestContext;
import io.tradecore.virtualbroker.book.OrderLedger;
import io.tradecore.virtualbroker.domain.OrderCommand;
import io.tradecore.virtualbroker.domain.OrderCommand.CancelOrder;
import io.tradecore.virtualbroker.domain.OrderId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The paper broker as a {@link BrokerAdapter}. Account references are TradeCore account ids and broker order ids are
 * TradeCore order ids. Submitting is idempotent on (account, client order id). The broker knows only orders and
 * fills: {@link #account} reports the net cash flow of the fills, not a balance (deposits and withdrawals live in
 * broker_account's ledger), and positions are the fills netted per symbol.
 */
public final class VirtualBrokerAdapter implements BrokerAdapter {

    public static final String BROKER = "virtual";

    private final Function<Command<OrderCommand>, CommandResult> orders;
    private final OrderIntake intake;
    private final OrderLedger ledger;
    private final BrokerReports reports;
    private final Clock clock;
    private final Ids ids;

    public VirtualBrokerAdapter(Function<Command<OrderCommand>, CommandResult> orders, OrderIntake intake,
                                OrderLedger ledger, BrokerReports reports, Clock clock, Ids ids) {
        this.orders = orders;
        this.intake = intake;
        this.ledger = ledger;
        this.reports = reports;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public String broker() {
        return BROKER;
    }

    /**
     * Takes an order on behalf of {@code command}'s actor, in its request context (so a policy's idempotency key
     * covers it). An order the broker cannot take is rejected on its stream and answered with status
     * {@code rejected}.
     */
    public BrokerOrder submit(Command<Submission> command) {
        OrderRequest request = command.body().request();
        UUID account = uuid(request.accountRef(), "account");
        Optional<BrokerOrder> known = ledger.byClientOrderId(account, request.clientOrderId());
        if (known.isPresent()) {
            return known.get();
        }
        Instant now = clock.instant();
        OrderCommand decided = intake.decide(command.body(), account, now);
        orders.apply(command.map(submission -> decided));
        return ledger.byId(account, command.body().orderId()).orElseGet(() -> rejected(request, now));
    }

    @Override
    public BrokerOrder submitOrder(OrderRequest request) {
        BrokerOrder order = submit(new Command<>(new Submission(ids.next(), null, request), system()));
        if (order.status().equals("rejected") && order.brokerOrderId() == null) {
            throw new BrokerException(BrokerException.Code.REJECTED, "the paper broker cannot take this order");
        }
        return order;
    }

    @Override
    public Optional<BrokerOrder> findOrder(String accountRef, String clientOrderId) {
        return ledger.byClientOrderId(uuid(accountRef, "account"), clientOrderId);
    }

    @Override
    public BrokerOrder cancelOrder(String accountRef, String brokerOrderId) {
        UUID account = uuid(accountRef, "account");
        UUID orderId = uuid(brokerOrderId, "order");
        ledger.byId(account, orderId).orElseThrow(() -> notFound("order"));
        orders.apply(new Command<>(new CancelOrder(new OrderId(orderId), account, null, clock.instant()), system()));
        return ledger.byId(account, orderId).orElseThrow(() -> notFound("order"));
    }

    @Override
    public BrokerAccount account(String accountRef) {
        return reports.account(accountRef, uuid(accountRef, "account"));
    }

    @Override
    public List<BrokerOrder> orders(String accountRef, Instant since) {
        return ledger.changedSince(uuid(accountRef, "account"), since);
    }

    @Override
    public List<BrokerPosition> positions(String accountRef) {
        return reports.positions(uuid(accountRef, "account"));
    }

    @Override
    public List<BrokerActivity> activities(String accountRef, Instant since) {
        return reports.activities(uuid(accountRef, "account"), since);
    }

    private RequestContext system() {
        return RequestContext.of(ids.next(), Actor.system(null));
    }

    private static BrokerOrder rejected(OrderRequest r, Instant now) {
        return new BrokerOrder(null, r.clientOrderId(), r.symbol(), r.side(), r.quantity(), r.type(), r.limitPrice(),
                r.stopPrice(), r.timeInForce(), "rejected", BigDecimal.ZERO, null, now, now);
    }

    private static UUID uuid(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BrokerException(BrokerException.Code.NOT_FOUND, "no " + what + " " + text + " at the paper broker");
        }
    }

    private static BrokerException notFound(String what) {
        return new BrokerException(BrokerException.Code.NOT_FOUND, what + " not found at the paper broker");
    }
}
