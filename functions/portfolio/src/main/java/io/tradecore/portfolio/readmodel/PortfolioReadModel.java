package io.tradecore.portfolio.readmodel;

import io.tradecore.portfolio.api.PortfolioQueries.Interval;
import io.tradecore.portfolio.api.PortfolioViews.PortfolioList;
import io.tradecore.portfolio.api.PortfolioViews.PortfolioView;
import io.tradecore.portfolio.domain.performance.EquityPoint;
import io.tradecore.portfolio.domain.performance.Exposure;
import io.tradecore.portfolio.domain.performance.Series;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL over portfolio's read models. Series come per account and are summed here ({@link Series#combine}). */
public final class PortfolioReadModel {

    private static final String PORTFOLIO = """
            SELECT p.portfolio_id, p.user_id, p.name, p.created_at, p.updated_at, p.version,
                   COALESCE(array_agg(m.account_id ORDER BY m.added_at, m.account_id)
                            FILTER (WHERE m.account_id IS NOT NULL), '{}') AS accounts
              FROM portfolios p LEFT JOIN portfolio_members m ON m.portfolio_id = p.portfolio_id""";

    private final JdbcClient jdbc;

    public PortfolioReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PortfolioView> portfolio(UUID portfolioId) {
        return jdbc.sql(PORTFOLIO + " WHERE p.portfolio_id = ? GROUP BY p.portfolio_id").param(portfolioId)
                .query(PortfolioReadModel::view).optional();
    }

    public PortfolioList portfolios(UUID owner) {
        return new PortfolioList(jdbc.sql(PORTFOLIO + " WHERE p.user_id = ? GROUP BY p.portfolio_id"
                + " ORDER BY p.created_at, p.portfolio_id").param(owner).query(PortfolioReadModel::view).list());
    }

    /** The portfolio's accounts whose events name its owner (a guard: accounts were checked when added). */
    public List<UUID> accounts(UUID portfolioId, UUID owner) {
        return jdbc.sql("""
                        SELECT m.account_id FROM portfolio_members m
                          JOIN portfolio_account_books b ON b.account_id = m.account_id AND b.user_id = :owner
                         WHERE m.portfolio_id = :portfolio ORDER BY m.account_id""")
                .param("portfolio", portfolioId).param("owner", owner).query(UUID.class).list();
    }

    /**
     * The accounts' summed series in {@code [from, to]} at {@code interval}: the last value of each interval (for
     * days, the stored daily closes), plus, when the window starts after an account's first point, that account's
     * value carried forward to {@code from}.
     */
    public List<EquityPoint> series(List<UUID> accounts, Instant from, Instant to, Interval interval) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<EquityPoint>> byAccount = new LinkedHashMap<>();
        accounts.forEach(account -> byAccount.put(account, new ArrayList<>()));
        if (from != null) {
            carriedForward(accounts, from, interval).forEach(row -> byAccount.get(row.account()).add(row.point()));
        }
        Instant start = from == null ? Instant.EPOCH : from;
        String sql = interval == Interval.DAY ? """
                SELECT account_id, at AS time, equity, net_flows FROM portfolio_equity_days
                 WHERE account_id IN (:accounts) AND at >= :from AND at <= :to ORDER BY account_id, day"""
                : """
                SELECT account_id, time, equity, net_flows FROM (
                    SELECT DISTINCT ON (account_id, bucket) account_id, minute AS time, equity, net_flows
                      FROM (SELECT account_id, minute, equity, net_flows,
                                   date_bin(CAST(:step AS interval), minute, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket
                              FROM portfolio_equity_minutes
                             WHERE account_id IN (:accounts) AND minute >= :from AND minute <= :to) binned
                     ORDER BY account_id, bucket, minute DESC) last
                 ORDER BY account_id, time""";
        jdbc.sql(sql).param("accounts", accounts).param("from", Timestamp.from(start)).param("to", Timestamp.from(to))
                .param("step", interval == Interval.HOUR ? "1 hour" : "1 minute")
                .query(PortfolioReadModel::accountPoint).list()
                .forEach(row -> byAccount.get(row.account()).add(row.point()));
        return Series.combine(byAccount.values());
    }

    private List<AccountPoint> carriedForward(List<UUID> accounts, Instant from, Interval interval) {
        String sql = interval == Interval.DAY ? """
                SELECT DISTINCT ON (account_id) account_id, CAST(:from AS timestamptz) AS time, equity, net_flows
                  FROM portfolio_equity_days WHERE account_id IN (:accounts) AND at < :from
                 ORDER BY account_id, day DESC"""
                : """
                SELECT DISTINCT ON (account_id) account_id, CAST(:from AS timestamptz) AS time, equity, net_flows
                  FROM portfolio_equity_minutes WHERE account_id IN (:accounts) AND minute < :from
                 ORDER BY account_id, minute DESC""";
        return jdbc.sql(sql).param("accounts", accounts).param("from", Timestamp.from(from))
                .query(PortfolioReadModel::accountPoint).list();
    }

    /** The realized results of the accounts' trades in {@code [from, to]}, oldest first. */
    public List<BigDecimal> tradeResults(List<UUID> accounts, Instant from, Instant to) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT realized_pnl FROM portfolio_trades
                         WHERE account_id IN (:accounts) AND at >= :from AND at <= :to ORDER BY at, fill_id""")
                .param("accounts", accounts).param("from", Timestamp.from(from == null ? Instant.EPOCH : from))
                .param("to", Timestamp.from(to)).query(BigDecimal.class).list();
    }

    /** Every open holding of the accounts, valued at the last price (or the last fill price before any tick). */
    public List<Exposure.Line> holdings(List<UUID> accounts) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT h.symbol, h.quantity, h.quantity * COALESCE(p.last_price, h.last_fill_price) AS value
                          FROM portfolio_holdings h LEFT JOIN portfolio_prices p ON p.symbol = h.symbol
                         WHERE h.account_id IN (:accounts) AND h.quantity <> 0""")
                .param("accounts", accounts)
                .query((rs, row) -> new Exposure.Line(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .list();
    }

    public BigDecimal cash(List<UUID> accounts) {
        if (accounts.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return jdbc.sql("SELECT COALESCE(SUM(cash), 0) FROM portfolio_account_books WHERE account_id IN (:accounts)")
                .param("accounts", accounts).query(BigDecimal.class).single();
    }

    private record AccountPoint(UUID account, EquityPoint point) {
    }

    private static AccountPoint accountPoint(ResultSet rs, int row) throws SQLException {
        Instant time = rs.getTimestamp("time").toInstant().truncatedTo(ChronoUnit.MINUTES);
        return new AccountPoint(rs.getObject("account_id", UUID.class),
                new EquityPoint(time, rs.getBigDecimal("equity"), rs.getBigDecimal("net_flows")));
    }

    private static PortfolioView view(ResultSet rs, int row) throws SQLException {
        UUID[] accounts = (UUID[]) rs.getArray("accounts").getArray();
        List<String> ids = new ArrayList<>();
        for (UUID account : accounts) {
            ids.add(account.toString());
        }
        return new PortfolioView(rs.getString("portfolio_id"), rs.getString("user_id"), rs.getString("name"), ids,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
