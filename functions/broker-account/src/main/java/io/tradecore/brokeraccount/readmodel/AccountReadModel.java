package io.tradecore.brokeraccount.readmodel;

import io.tradecore.brokeraccount.api.AccountView;
import io.tradecore.brokeraccount.api.AccountView.Holding;
import io.tradecore.brokeraccount.api.ActivityPage;
import io.tradecore.brokeraccount.api.ActivityPage.Activity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL over the accounts read model: two statements per answer (accounts, then their holdings), never one per row. */
public final class AccountReadModel {

    private static final String ACCOUNT = """
            SELECT id, user_id, broker, connection_id, name, status, currency, allow_shorting, cash, reserved_cash,
                   opened_at, updated_at, version, synced_cash, synced_buying_power, synced_equity, balance_synced_at
              FROM accounts""";
    private static final String HOLDINGS = """
            SELECT h.account_id, h.symbol, h.quantity, COALESCE(p.price, h.last_price) AS last_price
              FROM account_holdings h LEFT JOIN account_prices p ON p.symbol = h.symbol
             WHERE h.account_id IN (:ids) ORDER BY h.symbol""";

    private record Row(UUID id, String userId, String broker, String connectionId, String name, String status,
                       String currency, boolean allowShorting, BigDecimal cash, BigDecimal reservedCash,
                       java.time.Instant openedAt, java.time.Instant updatedAt, long version, Synced synced) {
    }

    /** The broker's balances of a connected account, as last synced. */
    private record Synced(BigDecimal cash, BigDecimal buyingPower, BigDecimal equity, java.time.Instant asOf) {
    }

    private final JdbcClient jdbc;

    public AccountReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AccountView> byId(UUID id) {
        return withHoldings(jdbc.sql(ACCOUNT + " WHERE id = :id").param("id", id).query(AccountReadModel::row).list())
                .stream().findFirst();
    }

    public List<AccountView> byUser(String userId) {
        return withHoldings(jdbc.sql(ACCOUNT + " WHERE user_id = :userId ORDER BY opened_at, id LIMIT 500")
                .param("userId", userId).query(AccountReadModel::row).list());
    }

    public Optional<String> ownerOf(UUID id) {
        return jdbc.sql("SELECT user_id FROM accounts WHERE id = :id").param("id", id).query(String.class).optional();
    }

    public ActivityPage activities(UUID accountId, int page, int size) {
        List<Activity> items = jdbc.sql("""
                        SELECT kind, amount, cash, transfer_id, order_id, fill_id, symbol, side, quantity, price,
                               at, version
                          FROM account_activities WHERE account_id = :id
                         ORDER BY version DESC, kind LIMIT :size OFFSET :offset""")
                .param("id", accountId).param("size", size).param("offset", (long) page * size)
                .query(AccountReadModel::activity)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM account_activities WHERE account_id = :id").param("id", accountId)
                .query(Long.class).single();
        return new ActivityPage(items, page, size, total);
    }

    private List<AccountView> withHoldings(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Holding>> holdings = jdbc.sql(HOLDINGS).param("ids", rows.stream().map(Row::id).toList())
                .query((rs, n) -> Map.entry((UUID) rs.getObject("account_id"), new Holding(rs.getString("symbol"),
                        rs.getBigDecimal("quantity"), rs.getBigDecimal("last_price"))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(row -> view(row, holdings.getOrDefault(row.id(), List.of()))).toList();
    }

    /**
     * Equity values each holding at its last price; a holding without one yet counts for nothing. A synced account
     * shows its broker's figures; where the broker gave no buying power or equity, they are worked out as for any.
     */
    private static AccountView view(Row row, List<Holding> holdings) {
        Synced synced = row.synced();
        BigDecimal cash = synced == null ? row.cash() : synced.cash();
        BigDecimal equity = cash;
        for (Holding holding : holdings) {
            if (holding.lastPrice() != null) {
                equity = equity.add(holding.quantity().multiply(holding.lastPrice()));
            }
        }
        BigDecimal buyingPower = cash.subtract(row.reservedCash());
        if (synced != null) {
            buyingPower = synced.buyingPower() != null ? synced.buyingPower() : buyingPower;
            equity = synced.equity() != null ? synced.equity() : equity;
        }
        return new AccountView(row.id().toString(), row.userId(), row.broker(), row.connectionId(), row.name(),
                row.status(), row.currency(), cash, row.reservedCash(), buyingPower,
                equity.setScale(2, RoundingMode.HALF_EVEN), row.allowShorting(), List.copyOf(holdings),
                row.openedAt(), row.updatedAt(), synced == null ? null : synced.asOf(), row.version());
    }

    private static Activity activity(ResultSet rs, int n) throws SQLException {
        return new Activity(rs.getString("kind"), rs.getBigDecimal("amount"), rs.getBigDecimal("cash"),
                rs.getString("transfer_id"), rs.getString("order_id"), rs.getString("fill_id"), rs.getString("symbol"),
                rs.getString("side"), rs.getBigDecimal("quantity"), rs.getBigDecimal("price"),
                rs.getTimestamp("at").toInstant(), rs.getLong("version"));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row((UUID) rs.getObject("id"), rs.getString("user_id"), rs.getString("broker"),
                rs.getString("connection_id"), rs.getString("name"), rs.getString("status"), rs.getString("currency"),
                rs.getBoolean("allow_shorting"), rs.getBigDecimal("cash"), rs.getBigDecimal("reserved_cash"),
                rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"), synced(rs));
    }

    private static Synced synced(ResultSet rs) throws SQLException {
        var asOf = rs.getTimestamp("balance_synced_at");
        return asOf == null ? null : new Synced(rs.getBigDecimal("synced_cash"), rs.getBigDecimal("synced_buying_power"),
                rs.getBigDecimal("synced_equity"), asOf.toInstant());
    }
}
