package io.tradecore.localdev.bench;

import io.tradecore.kernel.eventstore.EventMetadata;
import io.tradecore.kernel.eventstore.EventStore;
import io.tradecore.kernel.maintenance.ReadModelMaintenance;
import io.tradecore.kernel.maintenance.RunProgress;
import io.tradecore.localdev.LocalStack;
import io.tradecore.order.domain.AccountId;
import io.tradecore.order.domain.ClientOrderId;
import io.tradecore.order.domain.FillId;
import io.tradecore.order.domain.Money;
import io.tradecore.order.domain.OrderCommand;
import io.tradecore.order.domain.OrderEvent;
import io.tradecore.order.domain.OrderId;
import io.tradecore.order.domain.OrderState;
import io.tradecore.order.domain.OrderTerms;
import io.tradecore.order.domain.OrderType;
import io.tradecore.order.domain.Orders;
import io.tradecore.order.domain.Price;
import io.tradecore.order.domain.Quantity;
import io.tradecore.order.domain.Side;
import io.tradecore.order.domain.Symbol;
import io.tradecore.order.domain.TimeInForce;
import io.tradecore.order.domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read-model rebuild throughput: rebuilds {@code orders} (tables {@code orders}, {@code order_fills}) from at least
 * {@code bench.events} (1,000,000) stored order events, through the kernel's {@code ReadModelMaintenance} as the
 * {@code rebuildReadModel} command does. Seeding: 400 order streams are decided by the order module's own decider
 * (place, accept, then one fill, two partial fills, or a cancel) and appended through the event store, so their
 * payloads are exactly what the module writes; they are then copied in SQL under fresh order ids (the id replaced in
 * stream id and payload) until the store holds the target. Boots the kernel and the modules without a web server,
 * relay, consumers or Kafka, on {@code tradecore.db.schema} (default {@code bench_rebuild}); a schema that already
 * holds enough order events is reused.
 *
 * <p>Usage: {@code RebuildBench [--tradecore.db.schema=...] [--bench.events=...]}; prints progress and
 * {@code RESULT} lines for {@code bench/rebuild.sh}.
 */
@EnableAutoConfiguration
public class RebuildBench {

    private static final int TEMPLATES = 400;

    public static void main(String[] args) {
        String schema = LocalStack.setting(args, "tradecore.db.schema", "bench_rebuild");
        long target = Long.parseLong(LocalStack.setting(args, "bench.events", "1000000"));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RebuildBench.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run("--tradecore.db.schema=" + schema,
                        "--tradecore.relay.enabled=false",
                        "--spring.cloud.function.definition=",
                        "--spring.cloud.stream.function.autodetect=false",
                        "--spring.kafka.admin.auto-create=false",
                        "--tradecore.virtual-broker.simulated-feed.enabled=false",
                        "--logging.level.root=WARN",
                        "--logging.level.io.tradecore.kernel.maintenance=INFO",
                        "--logging.level.org.apache.kafka=ERROR")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            long events = orderEvents(jdbc);
            if (events < target) {
                long t0 = System.nanoTime();
                seed(context, jdbc, target);
                events = orderEvents(jdbc);
                System.out.printf("seeded %d order events in %.1f s%n", events, (System.nanoTime() - t0) / 1e9);
            } else {
                System.out.printf("reusing %d order events in schema %s%n", events, schema);
            }
            ReadModelMaintenance maintenance = context.getBean(ReadModelMaintenance.class);
            // A running service has its Redis connection open; its first opening (seconds on a busy machine) is not
            // the rebuild's cost, so it is made before the clock starts.
            context.getBean(StringRedisTemplate.class).hasKey("bench:rebuild:warm-up");
            long t0 = System.nanoTime();
            RunProgress run = maintenance.start("orders", RunProgress.Kind.REBUILD, "bench");
            String phase = "";
            long phaseStart = t0;
            while (!run.finished()) {
                LockSupport.parkNanos(200_000_000L);
                run = maintenance.progress(run.runId()).orElseThrow();
                if (!run.phase().equals(phase)) {
                    long now = System.nanoTime();
                    System.out.printf("%7.1f s  phase %-16s (previous phase %.1f s), %d events applied%n",
                            (now - t0) / 1e9, run.phase(), (now - phaseStart) / 1e9, run.eventsApplied());
                    phase = run.phase();
                    phaseStart = now;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!"done".equals(run.phase())) {
                System.out.println("rebuild failed: " + run.error());
                System.exit(1);
            }
            long rows = jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single();
            long fills = jdbc.sql("SELECT count(*) FROM order_fills").query(Long.class).single();
            System.out.printf("rebuilt orders: %d events in %.1f s = %.0f events/s (%d orders, %d fills)%n",
                    run.eventsApplied(), seconds, run.eventsApplied() / seconds, rows, fills);
            System.out.printf("RESULT events=%d seconds=%.1f events_per_s=%.0f orders=%d fills=%d%n",
                    run.eventsApplied(), seconds, run.eventsApplied() / seconds, rows, fills);
        }
    }

    private static long orderEvents(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM event_store_events WHERE stream_type = 'order'").query(Long.class).single();
    }

    /** Real order streams first, then copies of them under new ids until the store holds {@code target} events. */
    private static void seed(ConfigurableApplicationContext context, JdbcClient jdbc, long target) {
        EventStore store = context.getBean(EventStore.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        UUID user = UUID.randomUUID();
        UUID account = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-30T09:30:00Z");
        long templateEvents = 0;
        for (int i = 0; i < TEMPLATES; i++) {
            List<OrderEvent> events = decide(i, user, account, at.plusSeconds(i));
            OrderId orderId = events.getFirst().orderId();
            templateEvents += events.size();
            transactions.executeWithoutResult(status -> store.append(Orders.DOMAIN, orderId.streamId(), 0, events,
                    new EventMetadata(UUID.randomUUID(), UUID.randomUUID(), user.toString()), events.getLast().at()));
        }
        long copies = (target - templateEvents + templateEvents - 1) / templateEvents;
        jdbc.sql("DROP TABLE IF EXISTS bench_seed_templates").update();
        jdbc.sql("CREATE TABLE bench_seed_templates AS SELECT * FROM event_store_events WHERE stream_type = 'order'").update();
        for (long from = 1; from <= copies; from += 25) {
            long to = Math.min(copies, from + 24);
            jdbc.sql("""
                            INSERT INTO event_store_events (event_id, stream_id, stream_type, version, event_type,
                                        schema_version, payload, occurred_at, correlation_id, causation_id, user_id)
                            SELECT gen_random_uuid(), 'order-' || n.id, e.stream_type, e.version, e.event_type,
                                   e.schema_version, replace(e.payload::text, substr(e.stream_id, 7), n.id)::jsonb,
                                   e.occurred_at, e.correlation_id, e.causation_id, e.user_id
                              FROM generate_series(?, ?) AS k
                             CROSS JOIN bench_seed_templates e
                             CROSS JOIN LATERAL (SELECT md5(e.stream_id || ':' || k)::uuid::text AS id) n
                             ORDER BY k, e.global_position""")
                    .params(from, to).update();
            System.out.printf("seeding: %d of %d copies%n", to, copies);
        }
        jdbc.sql("DROP TABLE bench_seed_templates").update();
        jdbc.sql("ANALYZE event_store_events").update();
    }

    /** One order's events as the order decider decides them: placed, accepted, then filled, part-filled or canceled. */
    private static List<OrderEvent> decide(int i, UUID user, UUID account, Instant at) {
        OrderId orderId = new OrderId(UUID.randomUUID());
        boolean limit = i % 2 == 1;
        OrderTerms terms = new OrderTerms(limit ? OrderType.LIMIT : OrderType.MARKET, Quantity.of("10"),
                limit ? Price.of("99.50") : null, null, null, null, limit ? TimeInForce.GTC : TimeInForce.DAY);
        List<OrderCommand> commands = new ArrayList<>();
        commands.add(new OrderCommand.PlaceOrder(orderId, new AccountId(account), new UserId(user), "virtual",
                new ClientOrderId("bench-" + i), new Symbol(i % 3 == 0 ? "AAPL" : "MSFT"), i % 4 < 2 ? Side.BUY : Side.SELL,
                terms, Price.of("100.00"), null, at));
        commands.add(new OrderCommand.AcceptOrder(orderId, at.plusMillis(5)));
        switch (i % 4) {
            case 0 -> commands.add(fill(orderId, "10", "100.01", at.plusMillis(9)));
            case 1 -> {
                commands.add(fill(orderId, "4", "99.50", at.plusMillis(20)));
                commands.add(fill(orderId, "6", "99.45", at.plusMillis(40)));
            }
            case 2 -> commands.add(fill(orderId, "10", "100.02", at.plusMillis(9)));
            default -> commands.add(new OrderCommand.RecordCancel(orderId, "canceled by user", at.plusMillis(30)));
        }
        OrderState state = Orders.DECIDER.initialState();
        List<OrderEvent> events = new ArrayList<>();
        for (OrderCommand command : commands) {
            List<OrderEvent> decided = Orders.DECIDER.decide().apply(command, state);
            state = Orders.DECIDER.fold(state, decided);
            events.addAll(decided);
        }
        return events;
    }

    private static OrderCommand fill(OrderId orderId, String quantity, String price, Instant at) {
        return new OrderCommand.RecordFill(orderId, new FillId("fill-" + UUID.randomUUID()), Quantity.of(quantity),
                Price.of(price), new Money(new java.math.BigDecimal("1.00")), at);
    }
}
