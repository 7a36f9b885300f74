package io.tradecore.order.readmodel;

import io.tradecore.order.domain.OrderEvent.OrderPlaced;
import io.tradecore.order.domain.Price;
import java.math.BigDecimal;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The row a placement starts: every term, status {@code new}, nothing filled. */
final class PlacedRow {

    private final JdbcClient jdbc;

    PlacedRow(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OrderPlaced e, long version) {
        jdbc.sql("""
                        INSERT INTO orders (order_id, account_id, user_id, broker, client_order_id, symbol, side, quantity,
                                            type, limit_price, stop_price, trail_amount, trail_percent, time_in_force,
                                            estimated_price, replaces_order_id, status, placed_at, version)
                        VALUES (:orderId, :accountId, :userId, :broker, :clientOrderId, :symbol, :side, :quantity,
                                :type, :limitPrice, :stopPrice, :trailAmount, :trailPercent, :timeInForce,
                                :estimatedPrice, :replacesOrderId, 'new', :at, :version)""")
                .param("orderId", e.orderId().value())
                .param("accountId", e.accountId().value())
                .param("userId", e.userId().value())
                .param("broker", e.broker())
                .param("clientOrderId", e.clientOrderId().value())
                .param("symbol", e.symbol().value())
                .param("side", e.side().toString())
                .param("quantity", e.quantity().value())
                .param("type", e.type().toString())
                .param("limitPrice", value(e.limitPrice()))
                .param("stopPrice", value(e.stopPrice()))
                .param("trailAmount", value(e.trailAmount()))
                .param("trailPercent", e.trailPercent() == null ? null : e.trailPercent().value())
                .param("timeInForce", e.timeInForce().toString())
                .param("estimatedPrice", value(e.estimatedPrice()))
                .param("replacesOrderId", e.replacesOrderId() == null ? null : e.replacesOrderId().value())
                .param("at", Timestamp.from(e.at()))
                .param("version", version)
                .update();
    }

    private static BigDecimal value(Price price) {
        return price == null ? null : price.value();
    }
}
