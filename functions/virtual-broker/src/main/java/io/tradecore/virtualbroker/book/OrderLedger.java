package io.tradecore.virtualbroker.book;

import io.tradecore.contracts.broker.BrokerOrder;
import io.tradecore.virtualbroker.domain.OrderEvent;
import io.tradecore.virtualbroker.domain.OrderEvent.CancelNoted;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderCanceled;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderExpired;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderFilled;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderReceived;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderRejected;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderReplaced;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderTriggered;
import io.tradecore.virtualbroker.domain.OrderEvent.StopAdjusted;
import io.tradecore.virtualbroker.domain.OrderId;
import io.tradecore.virtualbroker.domain.Wire;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every order the broker took and its fills, written with the order stream's appends; read by the adapter. */
public final class OrderLedger {

    private static final String COLUMNS = """
            order_id, client_order_id, symbol, side, quantity, type, limit_price, stop_price, time_in_force, status,
            filled_quantity, average_fill_price, submitted_at, updated_at""";

    private final JdbcClient jdbc;

    public OrderLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(List<OrderEvent> events) {
        events.forEach(this::record);
    }

    private void record(OrderEvent event) {
        switch (event) {
            case OrderReceived e -> jdbc.sql("""
                            INSERT INTO vb_orders (order_id, account_id, user_id, client_order_id, symbol, side, quantity,
                                                   type, limit_price, stop_price, time_in_force, status, submitted_at,
                                                   updated_at)
                            VALUES (:id, :account, :user, :client, :symbol, :side, :quantity, :type, :limit, :stop, :tif,
                                    'accepted', :at, :at)""")
                    .param("id", e.orderId().value()).param("account", e.accountId()).param("user", e.userId())
                    .param("client", e.clientOrderId()).param("symbol", e.symbol().value())
                    .param("side", Wire.name(e.side())).param("quantity", e.quantity()).param("type", Wire.name(e.type()))
                    .param("limit", e.limitPrice()).param("stop", e.stopPrice()).param("tif", Wire.name(e.timeInForce()))
                    .param("at", Timestamp.from(e.at())).update();
            case OrderFilled e -> fill(e);
            case StopAdjusted e -> jdbc.sql("UPDATE vb_orders SET stop_price = ?, updated_at = ? WHERE order_id = ?")
                    .params(e.stopPrice(), Timestamp.from(e.at()), e.orderId().value()).update();
            case OrderTriggered e -> status(e.orderId(), null, e.at());
            case OrderCanceled e -> status(e.orderId(), "canceled", e.at());
            case OrderExpired e -> status(e.orderId(), "expired", e.at());
            case OrderRejected e -> status(e.orderId(), "rejected", e.at());
            case OrderReplaced e -> status(e.orderId(), "replaced", e.at());
            case CancelNoted e -> { }
        }
    }

    private void fill(OrderFilled e) {
        jdbc.sql("""
                        INSERT INTO vb_fills (fill_id, order_id, account_id, symbol, side, quantity, price, commission,
                                              filled_at)
                        VALUES (:fill, :order, :account, :symbol, :side, :quantity, :price, :commission, :at)""")
                .param("fill", e.fillId()).param("order", e.orderId().value()).param("account", e.accountId())
                .param("symbol", e.symbol().value()).param("side", Wire.name(e.side())).param("quantity", e.quantity())
                .param("price", e.price()).param("commission", e.commission()).param("at", Timestamp.from(e.at()))
                .update();
        jdbc.sql("""
                        UPDATE vb_orders
                           SET average_fill_price = round((coalesce(average_fill_price, 0) * filled_quantity
                                                           + :quantity * :price) / (filled_quantity + :quantity), 4),
                               filled_quantity = filled_quantity + :quantity,
                               status = CASE WHEN :leaves = 0 THEN 'filled' ELSE 'partially_filled' END,
                               updated_at = :at
                         WHERE order_id = :order""")
                .param("quantity", e.quantity()).param("price", e.price()).param("leaves", e.leavesQuantity())
                .param("at", Timestamp.from(e.at())).param("order", e.orderId().value()).update();
    }

    /** Records a change of {@code status} (null: only the time). */
    private void status(OrderId orderId, String status, Instant at) {
        jdbc.sql("UPDATE vb_orders SET status = coalesce(?, status), updated_at = ? WHERE order_id = ?")
                .params(status, Timestamp.from(at), orderId.value()).update();
    }

    public Optional<BrokerOrder> byClientOrderId(UUID accountId, String clientOrderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vb_orders WHERE account_id = ? AND client_order_id = ?")
                .params(accountId, clientOrderId).query(OrderLedger::order).optional();
    }

    public Optional<BrokerOrder> byId(UUID accountId, UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vb_orders WHERE account_id = ? AND order_id = ?")
                .params(accountId, orderId).query(OrderLedger::order).optional();
    }

    public List<BrokerOrder> changedSince(UUID accountId, Instant since) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vb_orders WHERE account_id = ? AND updated_at >= ? ORDER BY updated_at, order_id")
                .params(accountId, Timestamp.from(since)).query(OrderLedger::order).list();
    }

    private static BrokerOrder order(ResultSet rs, int row) throws SQLException {
        return new BrokerOrder(rs.getString("order_id"), rs.getString("client_order_id"), rs.getString("symbol"),
                rs.getString("side"), rs.getBigDecimal("quantity"), rs.getString("type"),
                rs.getBigDecimal("limit_price"), rs.getBigDecimal("stop_price"), rs.getString("time_in_force"),
                rs.getString("status"), rs.getBigDecimal("filled_quantity"), rs.getBigDecimal("average_fill_price"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
