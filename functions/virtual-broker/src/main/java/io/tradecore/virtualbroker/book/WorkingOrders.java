package io.tradecore.virtualbroker.book;

import io.tradecore.virtualbroker.domain.OrderId;
import io.tradecore.virtualbroker.domain.OrderState;
import io.tradecore.virtualbroker.domain.OrderState.Working;
import io.tradecore.virtualbroker.domain.OrderTerms;
import io.tradecore.virtualbroker.domain.Symbol;
import io.tradecore.virtualbroker.domain.Wire;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The open orders, one row each, as matching needs them. A tick finds the orders it can change with one query on
 * the symbol index: orders that fill at any price, limits the price crosses, stops it reaches, trailing stops it
 * moves or reaches, and only those that have not seen the tick.
 */
public final class WorkingOrders {

    private final JdbcClient jdbc;

    public WorkingOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Mirrors the order's state after an append: a working order's row is written, any other order's removed. */
    public void sync(OrderId orderId, OrderState after) {
        if (after instanceof Working working) {
            save(working);
        } else {
            jdbc.sql("DELETE FROM vb_open_orders WHERE order_id = ?").param(orderId.value()).update();
        }
    }

    private void save(Working w) {
        OrderTerms t = w.terms();
        jdbc.sql("""
                        INSERT INTO vb_open_orders (order_id, account_id, symbol, side, type, phase, remaining, limit_price,
                                                    stop_price, water_mark, trail_amount, trail_percent, time_in_force,
                                                    expires_at, last_sequence)
                        VALUES (:id, :account, :symbol, :side, :type, :phase, :remaining, :limit, :stop, :mark, :trailAmount,
                                :trailPercent, :tif, :expiresAt, :sequence)
                        ON CONFLICT (order_id) DO UPDATE SET phase = EXCLUDED.phase, remaining = EXCLUDED.remaining,
                            stop_price = EXCLUDED.stop_price, water_mark = EXCLUDED.water_mark,
                            last_sequence = EXCLUDED.last_sequence""")
                .param("id", t.orderId().value()).param("account", t.accountId()).param("symbol", t.symbol().value())
                .param("side", Wire.name(t.side())).param("type", Wire.name(t.type())).param("phase", Wire.name(w.phase()))
                .param("remaining", w.leaves()).param("limit", t.limitPrice()).param("stop", w.stopPrice())
                .param("mark", w.waterMark()).param("trailAmount", t.trailAmount()).param("trailPercent", t.trailPercent())
                .param("tif", Wire.name(t.timeInForce()))
                .param("expiresAt", w.expiresAt() == null ? null : Timestamp.from(w.expiresAt()))
                .param("sequence", w.lastSequence())
                .update();
    }

    /** The open orders of {@code symbol} that tick {@code sequence} at {@code price} can change, oldest first. */
    public List<OrderId> affectedBy(Symbol symbol, BigDecimal price, long sequence) {
        return jdbc.sql("""
                        SELECT order_id FROM vb_open_orders
                         WHERE symbol = :symbol AND last_sequence < :sequence
                           AND (phase = 'market'
                                OR (phase = 'limit' AND CASE side WHEN 'buy' THEN :price <= limit_price
                                                                             ELSE :price >= limit_price END)
                                OR (phase = 'stop' AND CASE side WHEN 'buy' THEN :price >= stop_price
                                                                            ELSE :price <= stop_price END)
                                OR (phase = 'trailing' AND (water_mark IS NULL
                                    OR CASE side WHEN 'buy' THEN :price < water_mark OR :price >= stop_price
                                                            ELSE :price > water_mark OR :price <= stop_price END)))
                         ORDER BY order_id""")
                .param("symbol", symbol.value()).param("sequence", sequence).param("price", price)
                .query(UUID.class).list().stream().map(OrderId::new).toList();
    }

    /** Open orders whose session has closed by {@code now}. */
    public List<OrderId> dueForExpiry(Instant now, int limit) {
        return jdbc.sql("SELECT order_id FROM vb_open_orders WHERE expires_at <= ? ORDER BY expires_at LIMIT ?")
                .params(Timestamp.from(now), limit).query(UUID.class).list().stream().map(OrderId::new).toList();
    }
}
