package io.tradecore.order.readmodel;

import io.tradecore.order.domain.OrderEvent.OrderImportUpdated;
import io.tradecore.order.domain.OrderEvent.OrderImported;
import io.tradecore.order.domain.Price;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The row of an order a sync imported: the broker's terms, status and progress, placed when the broker says it was
 * submitted; a final status also sets its time column, at the broker's time of the change (or the sync's).
 */
final class ImportedRow {

    private static final String FINAL_TIMES = """
            filled_at   = CASE WHEN :status = 'filled'   THEN :changedAt ELSE filled_at END,
            canceled_at = CASE WHEN :status = 'canceled' THEN :changedAt ELSE canceled_at END,
            expired_at  = CASE WHEN :status = 'expired'  THEN :changedAt ELSE expired_at END,
            rejected_at = CASE WHEN :status = 'rejected' THEN :changedAt ELSE rejected_at END,
            replaced_at = CASE WHEN :status = 'replaced' THEN :changedAt ELSE replaced_at END""";

    private final JdbcClient jdbc;

    ImportedRow(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OrderImported e, long version) {
        jdbc.sql("""
                        INSERT INTO orders (order_id, account_id, user_id, broker_order_id, client_order_id, symbol,
                                            side, quantity, type, limit_price, stop_price, time_in_force, status,
                                            filled_quantity, average_fill_price, placed_at, version)
                        VALUES (:orderId, :accountId, :userId, :brokerOrderId, :clientOrderId, :symbol, :side,
                                :quantity, :type, :limitPrice, :stopPrice, :timeInForce, :status, :filled, :average,
                                :placedAt, :version)
                        ON CONFLICT (order_id) DO NOTHING""")
                .param("orderId", e.orderId().value())
                .param("accountId", e.accountId().value())
                .param("userId", e.userId().value())
                .param("brokerOrderId", e.brokerOrderId())
                .param("clientOrderId", e.clientOrderId())
                .param("symbol", e.symbol().value())
                .param("side", e.side().toString())
                .param("quantity", e.quantity().value())
                .param("type", e.type())
                .param("limitPrice", value(e.limitPrice()))
                .param("stopPrice", value(e.stopPrice()))
                .param("timeInForce", e.timeInForce())
                .param("status", e.status())
                .param("filled", e.filledQuantity())
                .param("average", value(e.averageFillPrice()))
                .param("placedAt", Timestamp.from(e.submittedAt()))
                .param("version", version)
                .update();
        progress(e.orderId().value(), e.status(), e.filledQuantity(), e.averageFillPrice(), changedAt(e.updatedAt(),
                e.at()), version);
    }

    void update(OrderImportUpdated e, long version) {
        progress(e.orderId().value(), e.status(), e.filledQuantity(), e.averageFillPrice(),
                changedAt(e.updatedAt(), e.at()), version);
    }

    private void progress(UUID orderId, String status, BigDecimal filled, Price average, Timestamp changedAt,
                          long version) {
        jdbc.sql("UPDATE orders SET status = :status, filled_quantity = :filled, average_fill_price = :average, "
                        + FINAL_TIMES + ", version = :version WHERE order_id = :id")
                .param("status", status).param("filled", filled).param("average", value(average))
                .param("changedAt", changedAt).param("version", version).param("id", orderId)
                .update();
    }

    private static Timestamp changedAt(Instant brokerTime, Instant syncTime) {
        return Timestamp.from(brokerTime != null ? brokerTime : syncTime);
    }

    private static BigDecimal value(Price price) {
        return price == null ? null : price.value();
    }
}
