package io.tradecore.portfolio.readmodel;

import io.tradecore.portfolio.domain.book.AccountBook;
import io.tradecore.portfolio.domain.book.Holding;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Account books in SQL: load one, store it back, record its equity as the point of the current minute and as the
 * day's close. The arithmetic is {@link AccountBook}'s; this class only moves rows.
 */
final class Books {

    private final JdbcClient jdbc;

    Books(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AccountBook load(UUID account) {
        Map<String, Holding> holdings = new LinkedHashMap<>();
        jdbc.sql("SELECT symbol, quantity, average_entry, last_fill_price FROM portfolio_holdings WHERE account_id = ?")
                .param(account)
                .query((rs, row) -> new Holding(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4)))
                .list().forEach(holding -> holdings.put(holding.symbol(), holding));
        return jdbc.sql("SELECT cash, net_flows FROM portfolio_account_books WHERE account_id = ?").param(account)
                .query((rs, row) -> new AccountBook(rs.getBigDecimal(1), rs.getBigDecimal(2), holdings))
                .optional().orElse(new AccountBook(BigDecimal.ZERO, BigDecimal.ZERO, holdings));
    }

    void open(UUID account, UUID user, Instant at) {
        jdbc.sql("""
                        INSERT INTO portfolio_account_books (account_id, user_id, cash, net_flows, updated_at)
                        VALUES (:account, :user, 0, 0, :at) ON CONFLICT (account_id) DO NOTHING""")
                .param("account", account).param("user", user).param("at", Timestamp.from(at)).update();
    }

    /** Stores the book's cash, flows and the holding of {@code symbol} (the only one a fill changes), if any. */
    void store(UUID account, UUID user, AccountBook book, String symbol, Instant at) {
        jdbc.sql("""
                        INSERT INTO portfolio_account_books (account_id, user_id, cash, net_flows, updated_at)
                        VALUES (:account, :user, :cash, :flows, :at)
                        ON CONFLICT (account_id) DO UPDATE
                           SET cash = EXCLUDED.cash, net_flows = EXCLUDED.net_flows, updated_at = EXCLUDED.updated_at""")
                .param("account", account).param("user", user).param("cash", book.cash())
                .param("flows", book.netFlows()).param("at", Timestamp.from(at)).update();
        Holding holding = symbol == null ? null : book.holdings().get(symbol);
        if (holding != null) {
            jdbc.sql("""
                            INSERT INTO portfolio_holdings (account_id, symbol, quantity, average_entry, last_fill_price)
                            VALUES (:account, :symbol, :quantity, :average, :last)
                            ON CONFLICT (account_id, symbol) DO UPDATE
                               SET quantity = EXCLUDED.quantity, average_entry = EXCLUDED.average_entry,
                                   last_fill_price = EXCLUDED.last_fill_price""")
                    .param("account", account).param("symbol", symbol).param("quantity", holding.quantity())
                    .param("average", holding.averageEntry()).param("last", holding.lastFillPrice()).update();
        }
    }

    Map<String, BigDecimal> prices(AccountBook book) {
        Map<String, BigDecimal> prices = new HashMap<>();
        if (book.holdings().isEmpty()) {
            return prices;
        }
        jdbc.sql("SELECT symbol, last_price FROM portfolio_prices WHERE symbol IN (:symbols)")
                .param("symbols", List.copyOf(book.holdings().keySet()))
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
                .list().forEach(entry -> prices.put(entry.getKey(), entry.getValue()));
        return prices;
    }

    /** The account's equity now, as the point of {@code at}'s minute and its UTC day's close (latest event wins). */
    void recordEquity(UUID account, AccountBook book, Instant at) {
        BigDecimal equity = book.equity(prices(book));
        var params = Map.<String, Object>of("account", account, "equity", equity, "flows", book.netFlows(),
                "at", Timestamp.from(at), "minute", Timestamp.from(at.truncatedTo(ChronoUnit.MINUTES)),
                "day", at.atOffset(ZoneOffset.UTC).toLocalDate());
        jdbc.sql("""
                        INSERT INTO portfolio_equity_minutes (account_id, minute, equity, net_flows, at)
                        VALUES (:account, :minute, :equity, :flows, :at)
                        ON CONFLICT (account_id, minute) DO UPDATE
                           SET equity = EXCLUDED.equity, net_flows = EXCLUDED.net_flows, at = EXCLUDED.at
                         WHERE portfolio_equity_minutes.at <= EXCLUDED.at""").params(params).update();
        jdbc.sql("""
                        INSERT INTO portfolio_equity_days (account_id, day, equity, net_flows, at)
                        VALUES (:account, :day, :equity, :flows, :at)
                        ON CONFLICT (account_id, day) DO UPDATE
                           SET equity = EXCLUDED.equity, net_flows = EXCLUDED.net_flows, at = EXCLUDED.at
                         WHERE portfolio_equity_days.at <= EXCLUDED.at""").params(params).update();
    }

    /**
     * Accounts holding {@code symbol} (long or short), whose equity a new price moves; in account order, so that two
     * ticks recording equity for the same accounts lock their rows in the same order.
     */
    List<UUID> holders(String symbol) {
        return jdbc.sql("""
                        SELECT account_id FROM portfolio_holdings WHERE symbol = ? AND quantity <> 0
                         ORDER BY account_id""")
                .param(symbol).query(UUID.class).list();
    }
}
