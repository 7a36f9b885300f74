package io.tradecore.virtualbroker.broker;

import io.tradecore.contracts.broker.BrokerAccount;
import io.tradecore.contracts.broker.BrokerActivity;
import io.tradecore.contracts.broker.BrokerPosition;
import io.tradecore.virtualbroker.book.Fills;
import io.tradecore.virtualbroker.book.Fills.Fill;
import io.tradecore.virtualbroker.book.Market;
import io.tradecore.virtualbroker.book.Market.LastPrice;
import io.tradecore.virtualbroker.domain.Holding;
import io.tradecore.virtualbroker.domain.Prices;
import io.tradecore.virtualbroker.domain.Side;
import io.tradecore.virtualbroker.domain.Symbol;
import io.tradecore.virtualbroker.domain.Wire;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** What the broker reports about an account, all from its fills. */
public final class BrokerReports {

    private final Fills fills;
    private final Market market;

    public BrokerReports(Fills fills, Market market) {
        this.fills = fills;
        this.market = market;
    }

    /** Each fill as an activity: cash in for a sale, out for a purchase, less the commission. */
    public List<BrokerActivity> activities(UUID account, Instant since) {
        return fills.of(account, since).stream()
                .map(f -> new BrokerActivity(f.fillId().toString(), "fill", f.orderId().toString(), f.symbol(),
                        Wire.name(f.side()), f.quantity(), f.price(), cashChange(f), f.at()))
                .toList();
    }

    public List<BrokerPosition> positions(UUID account) {
        return holdings(account).entrySet().stream()
                .map(h -> new BrokerPosition(h.getKey(), h.getValue().quantity(), h.getValue().averageEntryPrice(),
                        market.lastPrice(new Symbol(h.getKey())).map(LastPrice::price).orElse(null)))
                .toList();
    }

    /**
     * The paper broker holds no cash: {@code cash} is the net cash flow of the fills (negative after buying), equity
     * adds the positions at their last prices. Balances with transfers are broker_account's.
     */
    public BrokerAccount account(String accountRef, UUID account) {
        BigDecimal cash = fills.of(account, Instant.EPOCH).stream().map(BrokerReports::cashChange)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal value = positions(account).stream()
                .filter(p -> p.marketPrice() != null)
                .map(p -> p.quantity().multiply(p.marketPrice()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new BrokerAccount(accountRef, "USD", cash, cash, Prices.cash(cash.add(value)), "active");
    }

    private Map<String, Holding> holdings(UUID account) {
        Map<String, Holding> holdings = new TreeMap<>();
        for (Fill f : fills.of(account, Instant.EPOCH)) {
            holdings.merge(f.symbol(), Holding.NONE.after(f.side(), f.quantity(), f.price()),
                    (held, ignored) -> held.after(f.side(), f.quantity(), f.price()));
        }
        holdings.values().removeIf(h -> h.quantity().signum() == 0);
        return holdings;
    }

    private static BigDecimal cashChange(Fill f) {
        BigDecimal gross = f.quantity().multiply(f.price());
        return Prices.cash((f.side() == Side.SELL ? gross : gross.negate()).subtract(f.commission()));
    }
}
