package io.tradecore.portfolio.domain.book;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * One account as analytics sees it: cash (as broker_account reports it after each change), the net external
 * flows so far (deposits minus withdrawals) and the holdings per symbol. Its equity is cash plus the signed market
 * value of every holding; money stays exact here and is rounded to cents where it is shown.
 */
public record AccountBook(BigDecimal cash, BigDecimal netFlows, Map<String, Holding> holdings) {

    public AccountBook {
        holdings = Map.copyOf(holdings);
    }

    public static AccountBook empty() {
        return new AccountBook(BigDecimal.ZERO, BigDecimal.ZERO, Map.of());
    }

    /** A deposit ({@code amount} positive) or a withdrawal (negative), and the cash after it. */
    public AccountBook transferred(BigDecimal amount, BigDecimal cashAfter) {
        return new AccountBook(cashAfter, netFlows.add(amount), holdings);
    }

    /** A settled fill and the cash after it (which already counts the commission). */
    public AccountBook settled(String symbol, boolean buy, BigDecimal quantity, BigDecimal price, BigDecimal cashAfter) {
        Map<String, Holding> next = new TreeMap<>(holdings);
        next.put(symbol, holdings.getOrDefault(symbol, Holding.none(symbol)).after(buy, quantity, price));
        return new AccountBook(cashAfter, netFlows, next);
    }

    public BigDecimal equity(Map<String, BigDecimal> lastPrices) {
        BigDecimal equity = cash;
        for (Holding holding : holdings.values()) {
            equity = equity.add(holding.marketValue(lastPrices.get(holding.symbol())));
        }
        return equity;
    }
}
