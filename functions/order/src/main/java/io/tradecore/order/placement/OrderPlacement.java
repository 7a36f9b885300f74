package io.tradecore.order.placement;

import io.tradecore.kernel.domain.Ids;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.gateway.QueryBus;
import io.tradecore.order.api.OrderRequests.PlaceOrderRequest;
import io.tradecore.order.domain.ClientOrderId;
import io.tradecore.order.domain.OrderCommand.PlaceOrder;
import io.tradecore.order.domain.OrderId;
import io.tradecore.order.domain.Price;
import io.tradecore.order.domain.Symbol;
import io.tradecore.order.domain.UserId;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/** Turns a placement request into a {@link PlaceOrder}, after the checks only other domains can answer. */
public final class OrderPlacement {

    private final QueryBus queries;
    private final Ids ids;
    private final Clock clock;

    public OrderPlacement(QueryBus queries, Ids ids, Clock clock) {
        this.queries = queries;
        this.ids = ids;
        this.clock = clock;
    }

    public PlaceOrder place(PlaceOrderRequest request, Actor caller) {
        Instrument instrument = instrument(request.symbol(), caller);
        TradingAccount account = account(request, caller);
        OrderId orderId = new OrderId(ids.next());
        ClientOrderId clientOrderId = request.clientOrderId() != null ? request.clientOrderId()
                : new ClientOrderId(orderId.toString());
        return new PlaceOrder(orderId, request.accountId(), UserId.of(account.userId()), account.broker(),
                clientOrderId, request.symbol(), request.side(), request.terms(), lastPrice(instrument), null,
                clock.instant());
    }

    /** The instrument's last price, or null when it has none (or the symbol is no longer known). */
    public Price estimate(Symbol symbol, Actor actor) {
        return queries.find("getInstrument", Map.of("symbol", symbol.value()), actor, Instrument.class)
                .map(OrderPlacement::lastPrice).orElse(null);
    }

    private Instrument instrument(Symbol symbol, Actor caller) {
        return queries.find("getInstrument", Map.of("symbol", symbol.value()), caller, Instrument.class)
                .orElseThrow(() -> Rejection.unprocessable("unknown-symbol", "no instrument " + symbol + " is traded"));
    }

    /** The caller's own open account; another user's reads as absent, so ids cannot be probed. */
    private TradingAccount account(PlaceOrderRequest request, Actor caller) {
        TradingAccount account = queries.find("getAccountById", Map.of("accountId", request.accountId().toString()),
                        caller, TradingAccount.class)
                .filter(found -> caller.isSystem() || Objects.equals(found.userId(), caller.userId()))
                .orElseThrow(() -> Rejection.notFound("account-not-found", "account not found"));
        if (!account.isOpen()) {
            throw Rejection.unprocessable("account-not-open", "the account is " + account.status());
        }
        return account;
    }

    private static Price lastPrice(Instrument instrument) {
        var last = instrument.lastPrice();
        return last == null || last.signum() <= 0 ? null : new Price(last.setScale(4, RoundingMode.HALF_EVEN));
    }
}
