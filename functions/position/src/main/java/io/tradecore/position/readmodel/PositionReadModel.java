package io.tradecore.position.readmodel;

import io.tradecore.position.api.ClosedPositionPage;
import io.tradecore.position.api.ClosedPositionView;
import io.tradecore.position.api.PositionList;
import io.tradecore.position.api.PositionView;
import io.tradecore.position.domain.AccountId;
import io.tradecore.position.domain.Symbol;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL over the position read models. {@code owner} narrows a listing to one user's rows; null lists every user's
 * (administrators). Open positions are valued at the symbol's last price as they are read.
 */
public final class PositionReadModel {

    private static final String OPEN = """
            SELECT p.account_id, p.user_id, p.symbol, p.side, p.quantity, p.average_entry_price, p.cost_basis,
                   p.realized_pnl, p.opened_at, p.updated_at, p.version, pr.last_price
              FROM positions p LEFT JOIN position_prices pr ON pr.symbol = p.symbol""";

    private static final String CLOSED = """
            SELECT account_id, user_id, symbol, side, max_quantity, average_entry_price, exit_price, realized_pnl,
                   opened_at, closed_at
              FROM closed_positions""";

    private final JdbcClient jdbc;

    public PositionReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PositionView> position(AccountId accountId, Symbol symbol) {
        return jdbc.sql(OPEN + " WHERE p.account_id = :account AND p.symbol = :symbol")
                .param("account", accountId.value()).param("symbol", symbol.value())
                .query(PositionReadModel::open).optional();
    }

    public PositionList positions(UUID owner, AccountId accountId) {
        Filter filter = new Filter("p.", owner, accountId);
        return new PositionList(jdbc.sql(OPEN + filter.where() + " ORDER BY p.account_id, p.symbol")
                .params(filter.params()).query(PositionReadModel::open).list());
    }

    public ClosedPositionPage closed(UUID owner, AccountId accountId, int page, int size) {
        Filter filter = new Filter("", owner, accountId);
        Map<String, Object> params = new LinkedHashMap<>(filter.params());
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<ClosedPositionView> items = jdbc.sql(CLOSED + filter.where()
                        + " ORDER BY closed_at DESC, symbol, closed_version DESC LIMIT :limit OFFSET :offset")
                .params(params).query(PositionReadModel::closed).list();
        return new ClosedPositionPage(items, page, size);
    }

    /** The WHERE clause for an optional owner and an optional account. */
    private record Filter(String table, UUID owner, AccountId accountId) {
        String where() {
            List<String> conditions = new ArrayList<>();
            if (owner != null) {
                conditions.add(table + "user_id = :owner");
            }
            if (accountId != null) {
                conditions.add(table + "account_id = :account");
            }
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        Map<String, Object> params() {
            Map<String, Object> params = new LinkedHashMap<>();
            if (owner != null) {
                params.put("owner", owner);
            }
            if (accountId != null) {
                params.put("account", accountId.value());
            }
            return params;
        }
    }

    private static PositionView open(ResultSet rs, int row) throws SQLException {
        Valuation value = Valuation.of(rs.getString("side"), rs.getBigDecimal("quantity"),
                rs.getBigDecimal("average_entry_price"), rs.getBigDecimal("cost_basis"),
                rs.getBigDecimal("last_price"));
        return new PositionView(rs.getString("account_id"), rs.getString("user_id"), rs.getString("symbol"),
                rs.getString("side"), value.quantity(), value.averageEntryPrice(), value.costBasis(),
                rs.getBigDecimal("realized_pnl"), value.lastPrice(), value.marketValue(), value.unrealizedPnl(),
                rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }

    private static ClosedPositionView closed(ResultSet rs, int row) throws SQLException {
        return new ClosedPositionView(rs.getString("account_id"), rs.getString("user_id"), rs.getString("symbol"),
                rs.getString("side"), rs.getBigDecimal("max_quantity"), rs.getBigDecimal("average_entry_price"),
                rs.getBigDecimal("exit_price"), rs.getBigDecimal("realized_pnl"),
                rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("closed_at").toInstant());
    }
}
