package io.tradecore.order.readmodel;

import io.tradecore.order.api.OrderFillView;
import io.tradecore.order.api.OrderPage;
import io.tradecore.order.api.OrderView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL over the {@code orders} and {@code order_fills} read models. */
public final class OrderReadModel {

    private static final String OWNED_BY = """
            WHERE user_id = :userId
              AND (CAST(:accountId AS UUID) IS NULL OR account_id = CAST(:accountId AS UUID))
              AND (CAST(:status AS TEXT) IS NULL OR status = CAST(:status AS TEXT))""";

    private final JdbcClient jdbc;

    public OrderReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrderView> byId(UUID orderId) {
        return jdbc.sql("SELECT * FROM orders WHERE order_id = :id").param("id", orderId)
                .query(OrderReadModel::view).optional();
    }

    /** {@code userId}'s orders, newest first; {@code accountId} and {@code status} narrow them when not null. */
    public OrderPage page(UUID userId, UUID accountId, String status, int page, int size) {
        List<OrderView> items = jdbc.sql("SELECT * FROM orders " + OWNED_BY
                        + " ORDER BY placed_at DESC, order_id DESC LIMIT :size OFFSET :offset")
                .param("userId", userId).param("accountId", text(accountId)).param("status", status)
                .param("size", size).param("offset", (long) page * size)
                .query(OrderReadModel::view).list();
        long total = jdbc.sql("SELECT count(*) FROM orders " + OWNED_BY)
                .param("userId", userId).param("accountId", text(accountId)).param("status", status)
                .query(Long.class).single();
        return new OrderPage(items, page, size, total);
    }

    public List<OrderFillView> fills(UUID orderId) {
        return jdbc.sql("SELECT * FROM order_fills WHERE order_id = :id ORDER BY at, fill_id").param("id", orderId)
                .query((rs, row) -> new OrderFillView(rs.getString("fill_id"), rs.getString("order_id"),
                        rs.getBigDecimal("quantity"), rs.getBigDecimal("price"), rs.getBigDecimal("commission"),
                        instant(rs.getTimestamp("at"))))
                .list();
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static OrderView view(ResultSet rs, int row) throws SQLException {
        return new OrderView(rs.getString("order_id"), rs.getString("account_id"), rs.getString("user_id"),
                rs.getString("broker"), rs.getString("client_order_id"), rs.getString("symbol"), rs.getString("side"),
                rs.getBigDecimal("quantity"), rs.getString("type"), rs.getBigDecimal("limit_price"),
                rs.getBigDecimal("stop_price"), rs.getBigDecimal("trail_amount"), rs.getBigDecimal("trail_percent"),
                rs.getString("time_in_force"), rs.getBigDecimal("estimated_price"), rs.getString("replaces_order_id"),
                rs.getString("status"), rs.getBigDecimal("filled_quantity"), rs.getBigDecimal("average_fill_price"),
                rs.getString("reject_code"), rs.getString("reason"), instant(rs.getTimestamp("placed_at")),
                instant(rs.getTimestamp("accepted_at")), instant(rs.getTimestamp("filled_at")),
                instant(rs.getTimestamp("canceled_at")), instant(rs.getTimestamp("expired_at")),
                instant(rs.getTimestamp("rejected_at")), instant(rs.getTimestamp("replaced_at")),
                rs.getString("replaced_by"), rs.getString("broker_order_id"), rs.getLong("version"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
