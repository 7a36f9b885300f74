package io.tradecore.virtualbroker.broker;

import io.tradecore.contracts.broker.OrderRequest;
import io.tradecore.kernel.domain.Ids;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.virtualbroker.book.Market;
import io.tradecore.virtualbroker.book.Market.LastPrice;
import io.tradecore.virtualbroker.domain.OrderCommand;
import io.tradecore.virtualbroker.domain.OrderCommand.ReceiveOrder;
import io.tradecore.virtualbroker.domain.OrderCommand.RejectOrder;
import io.tradecore.virtualbroker.domain.OrderId;
import io.tradecore.virtualbroker.domain.OrderTerms;
import io.tradecore.virtualbroker.domain.OrderType;
import io.tradecore.virtualbroker.domain.Session;
import io.tradecore.virtualbroker.domain.Side;
import io.tradecore.virtualbroker.domain.Symbol;
import io.tradecore.virtualbroker.domain.TimeInForce;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a submission in the adapter contract's words into the broker's command: a receipt carrying the symbol's last
 * tick (so a marketable order fills at once) and, for a day order, the session close it expires at; or a rejection
 * when the terms do not hold ({@code invalid-order}) or the symbol is not traded ({@code unknown-symbol}).
 */
public final class OrderIntake {

    private final Market market;
    private final Session session;
    private final Ids ids;

    public OrderIntake(Market market, Session session, Ids ids) {
        this.market = market;
        this.session = session;
        this.ids = ids;
    }

    public OrderCommand decide(Submission submission, UUID account, Instant now) {
        OrderId id = new OrderId(submission.orderId());
        OrderTerms terms;
        try {
            terms = terms(submission, account);
        } catch (Rejection invalid) {
            return new RejectOrder(id, account, submission.userId(), "invalid-order", invalid.reason(), now);
        }
        if (!market.lists(terms.symbol())) {
            return new RejectOrder(id, account, submission.userId(), "unknown-symbol",
                    "the paper broker does not trade " + terms.symbol(), now);
        }
        Optional<LastPrice> last = market.lastPrice(terms.symbol());
        Instant expiresAt = terms.timeInForce() == TimeInForce.DAY ? session.nextCloseAfter(now) : null;
        return new ReceiveOrder(terms, last.map(LastPrice::price).orElse(null),
                last.map(LastPrice::sequence).orElse(null), expiresAt, ids.next(), now);
    }

    private static OrderTerms terms(Submission submission, UUID account) {
        OrderRequest r = submission.request();
        return new OrderTerms(new OrderId(submission.orderId()), account, submission.userId(), r.clientOrderId(),
                new Symbol(r.symbol()), Side.of(r.side()), r.quantity(), OrderType.of(r.type()), r.limitPrice(),
                r.stopPrice(), r.trailAmount(), r.trailPercent(), TimeInForce.of(r.timeInForce()));
    }
}
