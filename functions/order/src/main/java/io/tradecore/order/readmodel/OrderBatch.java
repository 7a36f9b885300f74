package io.tradecore.order.readmodel;

import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.order.domain.FillEvent;
import io.tradecore.order.domain.OrderEvent;
import io.tradecore.order.domain.OrderEvent.CancelRequested;
import io.tradecore.order.domain.OrderEvent.OrderAccepted;
import io.tradecore.order.domain.OrderEvent.OrderCanceled;
import io.tradecore.order.domain.OrderEvent.OrderExpired;
import io.tradecore.order.domain.OrderEvent.OrderFilled;
import io.tradecore.order.domain.OrderEvent.OrderPartiallyFilled;
import io.tradecore.order.domain.OrderEvent.OrderPlaced;
import io.tradecore.order.domain.OrderEvent.OrderRejected;
import io.tradecore.order.domain.OrderEvent.OrderReplaced;
import io.tradecore.order.domain.OrderEvent.ReplaceRequested;
import io.tradecore.order.domain.Price;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A batch of order events written set-based: folded per order in Java first, then one statement per table (the
 * orders placed in the batch inserted whole, the others read once, locked, and updated, the fills inserted), each over
 * {@code unnest} of one array per column. The fold is {@link OrderProjection#apply} step for step, on the row in
 * memory, so the rows come out exactly as applying the events one by one leaves them; so do the failures (an order
 * placed twice fails the batch).
 */
final class OrderBatch {

    private static final Set<String> PENDING = Set.of("pending_cancel", "pending_replace");

    /** The columns a later event can change, after the order id. */
    private static final List<Column<Row>> CHANGING = List.of(
            new Column<>("status", "text", r -> r.status),
            new Column<>("filled_quantity", "numeric", r -> decimal(r.filledQuantity)),
            new Column<>("average_fill_price", "numeric", r -> decimal(r.averageFillPrice)),
            new Column<>("reject_code", "text", r -> r.rejectCode),
            new Column<>("reason", "text", r -> r.reason),
            new Column<>("accepted_at", "timestamptz", r -> time(r.acceptedAt)),
            new Column<>("filled_at", "timestamptz", r -> time(r.filledAt)),
            new Column<>("canceled_at", "timestamptz", r -> time(r.canceledAt)),
            new Column<>("expired_at", "timestamptz", r -> time(r.expiredAt)),
            new Column<>("rejected_at", "timestamptz", r -> time(r.rejectedAt)),
            new Column<>("replaced_at", "timestamptz", r -> time(r.replacedAt)),
            new Column<>("replaced_by", "uuid", r -> text(r.replacedBy)),
            new Column<>("version", "bigint", r -> Long.toString(r.version)));

    private static final Column<Row> ORDER_ID = new Column<>("order_id", "uuid", r -> r.orderId.toString());

    /** The columns a placement sets once, after the order id. */
    private static final List<Column<Row>> TERMS = List.of(
            new Column<>("account_id", "uuid", r -> text(r.placed.accountId().value())),
            new Column<>("user_id", "uuid", r -> text(r.placed.userId().value())),
            new Column<>("broker", "text", r -> r.placed.broker()),
            new Column<>("client_order_id", "text", r -> r.placed.clientOrderId().value()),
            new Column<>("symbol", "text", r -> r.placed.symbol().value()),
            new Column<>("side", "text", r -> r.placed.side().toString()),
            new Column<>("quantity", "numeric", r -> decimal(r.placed.quantity().value())),
            new Column<>("type", "text", r -> r.placed.type().toString()),
            new Column<>("limit_price", "numeric", r -> price(r.placed.limitPrice())),
            new Column<>("stop_price", "numeric", r -> price(r.placed.stopPrice())),
            new Column<>("trail_amount", "numeric", r -> price(r.placed.trailAmount())),
            new Column<>("trail_percent", "numeric",
                    r -> r.placed.trailPercent() == null ? null : decimal(r.placed.trailPercent().value())),
            new Column<>("time_in_force", "text", r -> r.placed.timeInForce().toString()),
            new Column<>("estimated_price", "numeric", r -> price(r.placed.estimatedPrice())),
            new Column<>("replaces_order_id", "uuid",
                    r -> r.placed.replacesOrderId() == null ? null : text(r.placed.replacesOrderId().value())),
            new Column<>("placed_at", "timestamptz", r -> time(r.placed.at())));

    private static final List<Column<FillEvent>> FILL = List.of(
            new Column<>("fill_id", "text", f -> f.fillId().value()),
            new Column<>("order_id", "uuid", f -> text(f.orderId().value())),
            new Column<>("quantity", "numeric", f -> decimal(f.quantity().value())),
            new Column<>("price", "numeric", f -> decimal(f.price().value())),
            new Column<>("commission", "numeric", f -> decimal(f.commission().value())),
            new Column<>("at", "timestamptz", f -> time(f.at())));

    private static final String STORED_COLUMNS = "order_id, " + CHANGING.stream().map(Column::name)
            .collect(Collectors.joining(", "));

    private final JdbcClient jdbc;

    OrderBatch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void apply(List<EventEnvelope<OrderEvent>> events) {
        Map<UUID, Row> rows = stored(ordersFirstSeenUnplaced(events));
        Set<UUID> inBatch = new LinkedHashSet<>();
        Map<List<String>, FillEvent> fills = new LinkedHashMap<>();
        for (EventEnvelope<OrderEvent> event : events) {
            UUID orderId = event.payload().orderId().value();
            if (event.payload() instanceof OrderPlaced placed) {
                if (rows.containsKey(orderId)) {
                    throw new DuplicateKeyException("order " + orderId + " is placed twice");
                }
                rows.put(orderId, Row.placed(placed, event.version()));
                inBatch.add(orderId);
                continue;
            }
            if (event.payload() instanceof FillEvent fill) {
                fills.putIfAbsent(List.of(text(fill.orderId().value()), fill.fillId().value()), fill);
            }
            Row row = rows.get(orderId);
            if (row != null) { // no row, no update: as UPDATE ... WHERE order_id = ? finds none
                row.apply(event.payload(), event.version());
            }
        }
        List<Row> placed = new ArrayList<>();
        List<Row> changed = new ArrayList<>();
        rows.forEach((orderId, row) -> (inBatch.contains(orderId) ? placed : changed).add(row));
        insertPlaced(placed);
        updateChanged(changed);
        insertFills(List.copyOf(fills.values()));
    }

    /** The orders whose first event in the batch is not their placement: their rows are read (if any). */
    private static List<UUID> ordersFirstSeenUnplaced(List<EventEnvelope<OrderEvent>> events) {
        Set<UUID> seen = new LinkedHashSet<>();
        List<UUID> unplaced = new ArrayList<>();
        for (EventEnvelope<OrderEvent> event : events) {
            UUID orderId = event.payload().orderId().value();
            if (seen.add(orderId) && !(event.payload() instanceof OrderPlaced)) {
                unplaced.add(orderId);
            }
        }
        return unplaced;
    }

    private Map<UUID, Row> stored(List<UUID> orderIds) {
        Map<UUID, Row> rows = new LinkedHashMap<>();
        if (orderIds.isEmpty()) {
            return rows;
        }
        jdbc.sql("SELECT " + STORED_COLUMNS + " FROM orders WHERE order_id = ANY(?::uuid[]) FOR UPDATE")
                .param(orderIds.stream().map(UUID::toString).toArray(String[]::new))
                .query(rs -> {
                    Row row = Row.stored(rs);
                    rows.put(row.orderId, row);
                });
        return rows;
    }

    private void insertPlaced(List<Row> placed) {
        if (placed.isEmpty()) {
            return;
        }
        List<Column<Row>> columns = new ArrayList<>();
        columns.add(ORDER_ID);
        columns.addAll(TERMS);
        columns.addAll(CHANGING);
        String names = names(columns);
        jdbc.sql("INSERT INTO orders (" + names + ") SELECT " + names + " FROM " + unnest(columns))
                .params(arrays(columns, placed)).update();
    }

    private void updateChanged(List<Row> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<Column<Row>> columns = new ArrayList<>();
        columns.add(ORDER_ID);
        columns.addAll(CHANGING);
        jdbc.sql("UPDATE orders SET " + CHANGING.stream().map(c -> c.name() + " = u." + c.name())
                        .collect(Collectors.joining(", "))
                        + " FROM " + unnest(columns) + " WHERE orders.order_id = u.order_id")
                .params(arrays(columns, changed)).update();
    }

    private void insertFills(List<FillEvent> fills) {
        if (fills.isEmpty()) {
            return;
        }
        String names = names(FILL);
        jdbc.sql("INSERT INTO order_fills (" + names + ") SELECT " + names + " FROM " + unnest(FILL)
                        + " ON CONFLICT DO NOTHING")
                .params(arrays(FILL, fills)).update();
    }

    private static <R> String names(List<Column<R>> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** {@code unnest(?::t1[], ...) AS u(c1, ...)}: one array parameter per column. */
    private static <R> String unnest(List<Column<R>> columns) {
        return "unnest(" + columns.stream().map(c -> "?::" + c.type() + "[]").collect(Collectors.joining(", "))
                + ") AS u(" + names(columns) + ")";
    }

    /** One text array per column; PostgreSQL casts each to the column's type. */
    private static <R> List<Object> arrays(List<Column<R>> columns, List<R> rows) {
        List<Object> arrays = new ArrayList<>(columns.size());
        for (Column<R> column : columns) {
            String[] values = new String[rows.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = column.value().apply(rows.get(i));
            }
            arrays.add(values);
        }
        return arrays;
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String price(Price price) {
        return price == null ? null : decimal(price.value());
    }

    /** As the driver sends a timestamp: rounded to the microsecond, half up. */
    private static String time(Instant at) {
        return at == null ? null : at.plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString();
    }

    private record Column<R>(String name, String type, Function<R, String> value) {
    }

    /** An order's row in memory: the terms of a placement in the batch (null for a stored row), and what changes. */
    private static final class Row {
        private OrderPlaced placed;
        private UUID orderId;
        private String status;
        private BigDecimal filledQuantity;
        private BigDecimal averageFillPrice;
        private String rejectCode;
        private String reason;
        private Instant acceptedAt;
        private Instant filledAt;
        private Instant canceledAt;
        private Instant expiredAt;
        private Instant rejectedAt;
        private Instant replacedAt;
        private UUID replacedBy;
        private long version;

        /** As {@link PlacedRow} inserts it. */
        static Row placed(OrderPlaced e, long version) {
            Row row = new Row();
            row.placed = e;
            row.orderId = e.orderId().value();
            row.status = "new";
            row.filledQuantity = BigDecimal.ZERO;
            row.version = version;
            return row;
        }

        static Row stored(ResultSet rs) throws SQLException {
            Row row = new Row();
            row.orderId = rs.getObject("order_id", UUID.class);
            row.status = rs.getString("status");
            row.filledQuantity = rs.getBigDecimal("filled_quantity");
            row.averageFillPrice = rs.getBigDecimal("average_fill_price");
            row.rejectCode = rs.getString("reject_code");
            row.reason = rs.getString("reason");
            row.acceptedAt = instant(rs.getTimestamp("accepted_at"));
            row.filledAt = instant(rs.getTimestamp("filled_at"));
            row.canceledAt = instant(rs.getTimestamp("canceled_at"));
            row.expiredAt = instant(rs.getTimestamp("expired_at"));
            row.rejectedAt = instant(rs.getTimestamp("rejected_at"));
            row.replacedAt = instant(rs.getTimestamp("replaced_at"));
            row.replacedBy = rs.getObject("replaced_by", UUID.class);
            row.version = rs.getLong("version");
            return row;
        }

        /** {@link OrderProjection#apply}'s UPDATE of each event, on this row. */
        void apply(OrderEvent event, long eventVersion) {
            switch (event) {
                case OrderPlaced e -> throw new IllegalStateException("placements are inserted, not applied");
                case OrderEvent.OrderImported e ->
                        throw new IllegalStateException("imported orders are applied event by event");
                case OrderEvent.OrderImportUpdated e ->
                        throw new IllegalStateException("imported orders are applied event by event");
                case OrderAccepted e -> {
                    status = "new".equals(status) ? "accepted" : status;
                    acceptedAt = e.at();
                }
                case OrderRejected e -> {
                    status = "rejected";
                    rejectedAt = e.at();
                    rejectCode = e.code();
                    reason = e.reason();
                }
                case CancelRequested e -> status = "pending_cancel";
                case ReplaceRequested e -> status = "pending_replace";
                case OrderPartiallyFilled e -> {
                    status = PENDING.contains(status) ? status : "partially_filled";
                    filledQuantity = e.filledQuantity().value();
                    averageFillPrice = e.averageFillPrice().value();
                }
                case OrderFilled e -> {
                    status = "filled";
                    filledQuantity = e.filledQuantity().value();
                    averageFillPrice = e.averageFillPrice().value();
                    filledAt = e.at();
                }
                case OrderCanceled e -> {
                    status = "canceled";
                    canceledAt = e.at();
                    reason = e.reason();
                }
                case OrderExpired e -> {
                    status = "expired";
                    expiredAt = e.at();
                }
                case OrderReplaced e -> {
                    status = "replaced";
                    replacedAt = e.at();
                    replacedBy = e.newOrderId().value();
                }
            }
            version = eventVersion;
        }

        private static Instant instant(Timestamp timestamp) {
            return timestamp == null ? null : timestamp.toInstant();
        }
    }
}
