package io.tradecore.order.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.kernel.cache.ReadModelCache;
import io.tradecore.kernel.config.Databases;
import io.tradecore.kernel.domain.EventType;
import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.eventstore.EventMetadata;
import io.tradecore.kernel.testing.TestStack;
import io.tradecore.order.domain.AccountId;
import io.tradecore.order.domain.ClientOrderId;
import io.tradecore.order.domain.FillId;
import io.tradecore.order.domain.Money;
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
import io.tradecore.order.domain.OrderId;
import io.tradecore.order.domain.OrderType;
import io.tradecore.order.domain.Percent;
import io.tradecore.order.domain.Price;
import io.tradecore.order.domain.Quantity;
import io.tradecore.order.domain.Side;
import io.tradecore.order.domain.Symbol;
import io.tradecore.order.domain.TimeInForce;
import io.tradecore.order.domain.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against the machine's PostgreSQL: the order projection's set-based {@code applyBatch} leaves exactly the rows that
 * {@code apply} of each event in turn leaves, on a seeded mix of whole order lives (placements, acceptances early and
 * late, partial fills, fills, a fill reported twice, cancels and replaces requested and done, rejections, expiries,
 * a fill of an order never placed), interleaved across orders in commit order and cut into batches of many sizes, so
 * that an order's events fall into one batch and across several.
 */
class OrderProjectionBatchIT {

    private static final Instant START = Instant.parse("2026-11-30T10:00:00.123456500Z");

    private static final List<SingleConnectionDataSource> CONNECTIONS = new ArrayList<>();

    private static String schema;
    private static DataSource database;

    @BeforeAll
    static void createSchema() {
        Databases.ensureExists(TestStack.DATABASE_URL, TestStack.DATABASE_USER, "");
        schema = "it_batch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        database = new DriverManagerDataSource(TestStack.DATABASE_URL, TestStack.DATABASE_USER, "");
        JdbcClient.create(database).sql("CREATE SCHEMA " + schema).update();
    }

    @AfterAll
    static void dropSchema() {
        CONNECTIONS.forEach(SingleConnectionDataSource::destroy);
        JdbcClient.create(database).sql("SELECT nspname FROM pg_namespace WHERE nspname LIKE ?").param(schema + "%")
                .query(String.class).list()
                .forEach(name -> JdbcClient.create(database).sql("DROP SCHEMA " + name + " CASCADE").update());
    }

    @Test
    void a_batch_leaves_the_rows_that_applying_each_event_in_turn_leaves() {
        List<EventEnvelope<OrderEvent>> events = history(new Random(6), 400);
        assertThat(events).hasSizeGreaterThan(1000);

        Store oneByOne = new Store("one_by_one");
        oneByOne.inOneTransaction(projection -> events.forEach(projection::apply));

        for (int size : new int[] {1, 2, 7, 64, 500, events.size()}) {
            Store batched = new Store("batches_of_" + size);
            for (int from = 0; from < events.size(); from += size) {
                List<EventEnvelope<OrderEvent>> batch = events.subList(from, Math.min(events.size(), from + size));
                batched.inOneTransaction(projection -> projection.applyBatch(batch));
            }
            assertThat(batched.orders()).as("orders, batches of " + size).isEqualTo(oneByOne.orders());
            assertThat(batched.fills()).as("order_fills, batches of " + size).isEqualTo(oneByOne.fills());
        }
        Random sizes = new Random(7);
        Store uneven = new Store("uneven_batches");
        for (int from = 0, size; from < events.size(); from += size) {
            size = 1 + sizes.nextInt(40);
            List<EventEnvelope<OrderEvent>> batch = events.subList(from, Math.min(events.size(), from + size));
            uneven.inOneTransaction(projection -> projection.applyBatch(batch));
        }
        assertThat(uneven.orders()).isEqualTo(oneByOne.orders());
        assertThat(uneven.fills()).isEqualTo(oneByOne.fills());

        // The mix is what it claims to be: every final status, fills of all kinds, an order without a row.
        assertThat(oneByOne.statuses()).containsExactlyInAnyOrder("accepted", "canceled", "expired", "filled", "new",
                "partially_filled", "pending_cancel", "pending_replace", "rejected", "replaced");
        assertThat(oneByOne.fills().size()).isGreaterThan(300);
    }

    @Test
    void an_order_placed_twice_fails_a_batch_as_it_fails_event_by_event() {
        Life life = new Life(new Random(1), 1);
        life.place(null);
        List<EventEnvelope<OrderEvent>> events = List.of(life.events.getFirst(), life.events.getFirst());

        Store oneByOne = new Store("twice_one_by_one");
        assertThatThrownBy(() -> oneByOne.inOneTransaction(projection -> events.forEach(projection::apply)))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        Store batched = new Store("twice_batched");
        assertThatThrownBy(() -> batched.inOneTransaction(projection -> projection.applyBatch(events)))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        batched.inOneTransaction(projection -> projection.applyBatch(events.subList(0, 1)));
        assertThatThrownBy(() -> batched.inOneTransaction(projection -> projection.applyBatch(events.subList(1, 2))))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(batched.orders()).hasSize(1);
    }

    /** The order tables in a schema of their own (the module's migration), and the projection writing them. */
    private static final class Store {
        private final JdbcClient jdbc;
        private final TransactionTemplate transactions;
        private final OrderProjection projection;
        private final String tables;

        Store(String name) {
            tables = schema + "_" + name;
            SingleConnectionDataSource source = new SingleConnectionDataSource(TestStack.DATABASE_URL
                    + (TestStack.DATABASE_URL.contains("?") ? "&" : "?") + "currentSchema=" + tables,
                    TestStack.DATABASE_USER, "", true);
            CONNECTIONS.add(source);
            jdbc = JdbcClient.create(source);
            transactions = new TransactionTemplate(new DataSourceTransactionManager(source));
            JdbcClient.create(database).sql("CREATE SCHEMA " + tables).update();
            transactions.executeWithoutResult(status -> jdbc.sql(migration()).update());
            // apply never touches the cache; afterCommit, which does, is not called here
            projection = new OrderProjection(jdbc, new ReadModelCache(new StringRedisTemplate(),
                    JsonMapper.builder().build(), Duration.ofMinutes(1)));
        }

        void inOneTransaction(Consumer<OrderProjection> work) {
            transactions.executeWithoutResult(status -> work.accept(projection));
        }

        List<String> orders() {
            return jdbc.sql("SELECT o::text FROM orders o ORDER BY order_id").query(String.class).list();
        }

        List<String> fills() {
            return jdbc.sql("SELECT f::text FROM order_fills f ORDER BY order_id, fill_id").query(String.class).list();
        }

        List<String> statuses() {
            return jdbc.sql("SELECT DISTINCT status FROM orders").query(String.class).list();
        }

        private static String migration() {
            try (InputStream in = OrderProjectionBatchIT.class.getResourceAsStream("/db/migration/order/V1__orders.sql")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * {@code orders} whole lives, their streams interleaved at random (each in its own order), as the store commits
     * them; a replace's new order is placed in its own stream after the replace is requested.
     */
    private static List<EventEnvelope<OrderEvent>> history(Random random, int orders) {
        List<Deque<EventEnvelope<OrderEvent>>> streams = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            Life life = new Life(random, i);
            life.live();
            streams.add(new ArrayDeque<>(life.events));
            if (life.replacement != null) {
                streams.add(new ArrayDeque<>(life.replacement.events));
            }
        }
        List<EventEnvelope<OrderEvent>> committed = new ArrayList<>();
        long position = 0;
        while (!streams.isEmpty()) {
            Deque<EventEnvelope<OrderEvent>> stream = streams.get(random.nextInt(Math.min(streams.size(), 12)));
            EventEnvelope<OrderEvent> event = stream.removeFirst();
            committed.add(new EventEnvelope<>(event.eventId(), event.streamId(), event.streamType(), event.version(),
                    ++position, event.type(), event.occurredAt(), event.metadata(), event.payload()));
            if (stream.isEmpty()) {
                streams.remove(stream);
            }
        }
        return committed;
    }

    /** One order's events, decided at random among the shapes an order's life takes. */
    private static final class Life {
        private final Random random;
        private final int index;
        private final OrderId orderId;
        private final AccountId accountId = new AccountId(UUID.randomUUID());
        private final UserId userId = new UserId(UUID.randomUUID());
        private final List<EventEnvelope<OrderEvent>> events = new ArrayList<>();
        private Instant at;
        private Life replacement;
        private int fills;
        private java.math.BigDecimal filled = java.math.BigDecimal.ZERO;

        Life(Random random, int index) {
            this(random, index, new OrderId(UUID.randomUUID()));
        }

        Life(Random random, int index, OrderId orderId) {
            this.random = random;
            this.index = index;
            this.orderId = orderId;
            // Sub-microsecond times, some exactly half way: the database rounds them.
            this.at = START.plusNanos(index * 1_000_250L);
        }

        void live() {
            place(null);
            switch (random.nextInt(12)) {
                case 0 -> append(new OrderRejected(orderId, accountId, userId, "insufficient-funds", "no cash", next()));
                case 1 -> { } // stays new
                case 2 -> accept();
                case 3 -> {
                    accept();
                    fill(10);
                }
                case 4 -> {
                    accept();
                    int parts = 2 + random.nextInt(4);
                    for (int i = 0; i < parts; i++) {
                        fill(i == parts - 1 ? 10 : 1);
                    }
                }
                case 5 -> {
                    accept();
                    fill(3);
                    fill(3, fills); // the same fill reported twice
                }
                case 6 -> {
                    accept();
                    fill(2);
                    append(new CancelRequested(orderId, accountId, userId, next()));
                    fill(4); // a fill while the cancel is pending keeps it pending
                    if (random.nextBoolean()) {
                        append(new OrderCanceled(orderId, accountId, userId, "canceled by the user", next()));
                    }
                }
                case 7 -> {
                    append(new CancelRequested(orderId, accountId, userId, next()));
                    accept(); // late acceptance: stays pending_cancel
                    append(new OrderCanceled(orderId, accountId, userId, null, next()));
                }
                case 8 -> {
                    accept();
                    replace(random.nextBoolean());
                }
                case 9 -> {
                    accept();
                    append(new OrderExpired(orderId, accountId, userId, next()));
                }
                case 10 -> {
                    accept();
                    fill(5);
                    append(new ReplaceRequested(orderId, accountId, userId, new OrderId(UUID.randomUUID()),
                            Quantity.of("8"), Price.of("99.5"), null, null, null, TimeInForce.GTC, next()));
                    fill(6); // stays pending_replace
                }
                default -> {
                    // A fill of an order whose placement is not in the store: its fill row only.
                    events.clear();
                    fill(10);
                }
            }
        }

        void place(OrderId replaces) {
            boolean trailing = random.nextInt(5) == 0;
            append(new OrderPlaced(orderId, accountId, userId, "virtual", new ClientOrderId("c-" + index),
                    new Symbol(random.nextBoolean() ? "AAPL" : "MSFT"), random.nextBoolean() ? Side.BUY : Side.SELL,
                    Quantity.of("10"), trailing ? OrderType.TRAILING_STOP : OrderType.LIMIT,
                    trailing ? null : Price.of("101.25"), null, null, trailing ? new Percent(new java.math.BigDecimal("1.5")) : null,
                    random.nextBoolean() ? TimeInForce.DAY : TimeInForce.GTC, replaces,
                    random.nextBoolean() ? Price.of("100.10") : null, next()));
        }

        private void accept() {
            append(new OrderAccepted(orderId, accountId, userId, next()));
        }

        private void fill(int upTo) {
            fill(upTo, ++fills);
        }

        /** A fill bringing the order's filled quantity to {@code upTo} (of 10). */
        private void fill(int upTo, int fillNumber) {
            java.math.BigDecimal total = java.math.BigDecimal.valueOf(Math.max(upTo, filled.intValue() + 1));
            java.math.BigDecimal quantity = total.subtract(filled).max(java.math.BigDecimal.ONE);
            filled = total;
            Price average = Price.of("100." + (10 + random.nextInt(80)));
            FillId fillId = new FillId("f-" + fillNumber);
            Quantity q = new Quantity(quantity);
            Price price = Price.of("100.05");
            Money commission = new Money(new java.math.BigDecimal("0.35"));
            Quantity running = new Quantity(total);
            append(total.intValue() >= 10
                    ? new OrderFilled(orderId, accountId, userId, fillId, new Symbol("AAPL"), Side.BUY, q, price,
                            commission, running, average, next())
                    : new OrderPartiallyFilled(orderId, accountId, userId, fillId, new Symbol("AAPL"), Side.BUY, q,
                            price, commission, running, average, next()));
        }

        private void replace(boolean done) {
            OrderId newOrderId = new OrderId(UUID.randomUUID());
            append(new ReplaceRequested(orderId, accountId, userId, newOrderId, Quantity.of("12"), Price.of("100.5"),
                    null, null, null, TimeInForce.DAY, next()));
            if (done) {
                replacement = new Life(random, index + 100_000, newOrderId);
                replacement.place(orderId);
                append(new OrderReplaced(orderId, accountId, userId, newOrderId, next()));
            }
        }

        private Instant next() {
            at = at.plusNanos(1_000L + random.nextInt(3) * 250L);
            return at;
        }

        private void append(OrderEvent event) {
            events.add(new EventEnvelope<>(UUID.randomUUID(), orderId.streamId(), "order", events.size() + 1L, 0,
                    new EventType("order.test-event", 1), event.at(), new EventMetadata(null, null, null), event));
        }
    }
}
