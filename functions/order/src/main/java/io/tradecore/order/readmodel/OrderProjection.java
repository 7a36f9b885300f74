package io.tradecore.order.readmodel;

import io.tradecore.kernel.cache.ReadModelCache;
import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.projection.Projection;
import io.tradecore.order.domain.FillEvent;
import io.tradecore.order.domain.OrderEvent;
import io.tradecore.order.domain.OrderEvent.CancelRequested;
import io.tradecore.order.domain.OrderEvent.OrderAccepted;
import io.tradecore.order.domain.OrderEvent.OrderCanceled;
import io.tradecore.order.domain.OrderEvent.OrderExpired;
import io.tradecore.order.domain.OrderEvent.OrderFilled;
import io.tradecore.order.domain.OrderEvent.OrderImportUpdated;
import io.tradecore.order.domain.OrderEvent.OrderImported;
import io.tradecore.order.domain.OrderEvent.OrderPartiallyFilled;
import io.tradecore.order.domain.OrderEvent.OrderPlaced;
import io.tradecore.order.domain.OrderEvent.OrderRejected;
import io.tradecore.order.domain.OrderEvent.OrderReplaced;
import io.tradecore.order.domain.OrderEvent.ReplaceRequested;
import io.tradecore.order.domain.OrderId;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps {@code orders} and {@code order_fills} in step with the order streams, and drops cached orders once the
 * changes commit. A pending cancel or replace keeps showing while fills or a late acceptance come in. Imported
 * orders show the broker's status as the last sync saw it. A batch (a rebuild's replay) is written set-based, with
 * the same rows as event by event; a batch holding imported orders' events is applied event by event.
 */
public final class OrderProjection implements Projection<OrderEvent> {

    private static final String UNLESS_PENDING =
            "CASE WHEN status IN ('pending_cancel', 'pending_replace') THEN status ELSE '%s' END";

    private final JdbcClient jdbc;
    private final ReadModelCache cache;

    public OrderProjection(JdbcClient jdbc, ReadModelCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /** The cache namespace of the orders: their keys are {@code order:<id>}. */
    public static final String CACHE_NAMESPACE = "order";

    public static String cacheKey(OrderId orderId) {
        return CACHE_NAMESPACE + ":" + orderId;
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public List<String> tables() {
        return List.of("orders", "order_fills");
    }

    @Override
    public Class<OrderEvent> eventType() {
        return OrderEvent.class;
    }

    @Override
    public void apply(EventEnvelope<OrderEvent> event) {
        switch (event.payload()) {
            case OrderPlaced e -> new PlacedRow(jdbc).insert(e, event.version());
            case OrderAccepted e -> update(event, "status = CASE WHEN status = 'new' THEN 'accepted' ELSE status END, "
                    + "accepted_at = :at").update();
            case OrderRejected e -> update(event, "status = 'rejected', rejected_at = :at, reject_code = :code, "
                    + "reason = :reason").param("code", e.code()).param("reason", e.reason()).update();
            case CancelRequested e -> update(event, "status = 'pending_cancel'").update();
            case ReplaceRequested e -> update(event, "status = 'pending_replace'").update();
            case OrderPartiallyFilled e -> fill(event, e, UNLESS_PENDING.formatted("partially_filled"), "");
            case OrderFilled e -> fill(event, e, "'filled'", ", filled_at = :at");
            case OrderCanceled e -> update(event, "status = 'canceled', canceled_at = :at, reason = :reason")
                    .param("reason", e.reason()).update();
            case OrderExpired e -> update(event, "status = 'expired', expired_at = :at").update();
            case OrderReplaced e -> update(event, "status = 'replaced', replaced_at = :at, replaced_by = :newOrderId")
                    .param("newOrderId", e.newOrderId().value()).update();
            case OrderImported e -> new ImportedRow(jdbc).insert(e, event.version());
            case OrderImportUpdated e -> new ImportedRow(jdbc).update(e, event.version());
        }
    }

    /** Set-based: the batch folded per order, then one statement per table (see {@link OrderBatch}). */
    @Override
    public void applyBatch(List<EventEnvelope<OrderEvent>> events) {
        if (events.stream().anyMatch(event -> event.payload() instanceof OrderEvent.OrderImported
                || event.payload() instanceof OrderEvent.OrderImportUpdated)) {
            events.forEach(this::apply);
            return;
        }
        new OrderBatch(jdbc).apply(events);
    }

    private void fill(EventEnvelope<OrderEvent> event, FillEvent fill, String status, String alsoSet) {
        jdbc.sql("""
                        INSERT INTO order_fills (fill_id, order_id, quantity, price, commission, at)
                        VALUES (:fillId, :orderId, :quantity, :price, :commission, :at)
                        ON CONFLICT DO NOTHING""")
                .param("fillId", fill.fillId().value()).param("orderId", fill.orderId().value())
                .param("quantity", fill.quantity().value()).param("price", fill.price().value())
                .param("commission", fill.commission().value()).param("at", Timestamp.from(fill.at()))
                .update();
        update(event, "status = " + status + ", filled_quantity = :filled, average_fill_price = :average" + alsoSet)
                .param("filled", fill.filledQuantity().value()).param("average", fill.averageFillPrice().value())
                .update();
    }

    private JdbcClient.StatementSpec update(EventEnvelope<OrderEvent> event, String assignments) {
        return jdbc.sql("UPDATE orders SET " + assignments + ", version = :version WHERE order_id = :id")
                .param("at", Timestamp.from(event.payload().at()))
                .param("version", event.version())
                .param("id", event.payload().orderId().value());
    }

    @Override
    public boolean evictAllCached() {
        cache.evictNamespace(CACHE_NAMESPACE);
        return true;
    }

    @Override
    public void afterCommit(List<EventEnvelope<OrderEvent>> applied) {
        cache.evict(applied.stream().map(event -> cacheKey(event.payload().orderId())).distinct().toList());
    }
}
