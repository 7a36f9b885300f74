package io.tradecore.localdev.bench;

import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.command.Loaded;
import io.tradecore.kernel.eventstore.EventMetadata;
import io.tradecore.kernel.eventstore.EventStore;
import io.tradecore.kernel.eventstore.Snapshot;
import io.tradecore.localdev.LocalStack;
import io.tradecore.useraccount.domain.Email;
import io.tradecore.useraccount.domain.Profile;
import io.tradecore.useraccount.domain.UserEvent;
import io.tradecore.useraccount.domain.UserEvent.ProfileUpdated;
import io.tradecore.useraccount.domain.UserEvent.UserRegistered;
import io.tradecore.useraccount.domain.UserId;
import io.tradecore.useraccount.domain.UserState;
import io.tradecore.useraccount.domain.Username;
import io.tradecore.useraccount.domain.Users;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * How long rehydrating one user aggregate takes as its stream grows, with and without snapshots: the cost every
 * command pays before it can decide. Boots the kernel and user_account as the stack does, but without a web
 * server, outbox relay or Kafka consumers, on a scratch schema {@code bench_load} (dropped before and after).
 * For each size N it appends a user stream of N events (one registration, then profile updates) in bulk,
 * stores the snapshot the aggregate's policy (every 100 events) would have left, then times
 * {@code Aggregates.load} from the snapshot and from version 1.
 *
 * <p>Usage: {@code LoadTimeBench [sizes, default 10,100,1000,10000]}. Database: {@code SPRING_DATASOURCE_URL},
 * default {@code jdbc:postgresql://127.0.0.1:5432/tradecore}. Prints a table and {@code RESULT} lines.
 * Annotated with {@code @EnableAutoConfiguration} only, not as a configuration class, so the stack's component
 * scan does not pick it up.
 */
@EnableAutoConfiguration
public class LoadTimeBench {

    private static final String SCHEMA = "bench_load";
    private static final long WARMUP_NANOS = 1_000_000_000L;
    private static final long MEASURE_NANOS = 3_000_000_000L;
    private static final int MAX_LOADS = 5_000;

    private record Stats(int loads, double meanMs, double p50Ms, double p99Ms) {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10,100,1000,10000").split(","))
                .mapToInt(size -> Integer.parseInt(size.strip())).toArray();
        String url = LocalStack.setting(args, "spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/tradecore");
        String user = LocalStack.setting(args, "spring.datasource.username", "postgres");
        String password = LocalStack.setting(args, "spring.datasource.password", "");
        dropSchema(url, user, password);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LoadTimeBench.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run("--tradecore.db.schema=" + SCHEMA,
                        "--tradecore.relay.enabled=false",          // nothing to publish: no Kafka producer traffic
                        "--spring.cloud.function.definition=",      // no projector bindings: no Kafka consumers
                        "--spring.cloud.stream.function.autodetect=false",
                        "--spring.kafka.admin.auto-create=false",   // no topic creation at start-up
                        "--logging.level.root=WARN",
                        "--logging.level.org.apache.kafka=ERROR")) {
            new LoadTimeBench().run(context, sizes);
        } finally {
            dropSchema(url, user, password);
        }
    }

    private void run(ConfigurableApplicationContext context, int[] sizes) {
        Aggregates aggregates = context.getBean(Aggregates.class);
        EventStore store = context.getBean(EventStore.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        JsonMapper json = context.getBean(JsonMapper.class);
        Clock clock = context.getBean(Clock.class);

        List<String> streams = new ArrayList<>();
        for (int size : sizes) {
            streams.add(seed(store, transactions, json, clock, size));
        }
        // Warm the JIT and the connection pool on every path before anything is timed.
        long warmUntil = System.nanoTime() + 3 * WARMUP_NANOS;
        while (System.nanoTime() < warmUntil) {
            streams.forEach(stream -> aggregates.load(Users.AGGREGATE, stream, true));
            aggregates.load(Users.AGGREGATE, streams.get(Math.min(1, streams.size() - 1)), false);
        }

        System.out.printf("%8s  %-8s  %7s  %6s  %6s  %8s  %8s  %8s%n",
                "events", "snapshot", "from", "folded", "loads", "mean ms", "p50 ms", "p99 ms");
        for (int i = 0; i < sizes.length; i++) {
            String stream = streams.get(i);
            Loaded<UserState> fromStart = aggregates.load(Users.AGGREGATE, stream, false);
            Loaded<UserState> fromSnapshot = aggregates.load(Users.AGGREGATE, stream, true);
            if (fromStart.version() != sizes[i] || !Objects.equals(fromStart, fromSnapshot)) {
                throw new IllegalStateException("loads disagree for " + sizes[i] + " events: " + fromStart + " vs " + fromSnapshot);
            }
            long snapshotAt = snapshotVersion(sizes[i]);
            for (boolean snapshot : new boolean[] {true, false}) {
                Stats stats = time(() -> aggregates.load(Users.AGGREGATE, stream, snapshot));
                long from = snapshot ? snapshotAt : 0;
                System.out.printf("%8d  %-8s  %7d  %6d  %6d  %8.3f  %8.3f  %8.3f%n", sizes[i], snapshot ? "yes" : "no",
                        from, sizes[i] - from, stats.loads(), stats.meanMs(), stats.p50Ms(), stats.p99Ms());
                System.out.printf("RESULT load_%d_%s_mean_ms=%.3f load_%d_%s_p50_ms=%.3f load_%d_%s_p99_ms=%.3f%n",
                        sizes[i], snapshot ? "snap" : "full", stats.meanMs(), sizes[i], snapshot ? "snap" : "full",
                        stats.p50Ms(), sizes[i], snapshot ? "snap" : "full", stats.p99Ms());
            }
        }
    }

    /**
     * A user stream of {@code size} events, appended in bulk, plus the snapshot the aggregate's policy would have
     * stored had each event come from its own command: at the last multiple of {@code snapshotEvery}.
     */
    private static String seed(EventStore store, TransactionTemplate transactions, JsonMapper json, Clock clock, int size) {
        UserId id = new UserId(UUID.randomUUID());
        String name = "load" + size + "x" + id.value().toString().substring(0, 8);
        List<UserEvent> events = new ArrayList<>(size);
        events.add(new UserRegistered(id, new Username(name), new Email(name + "@bench.example.com"), null));
        for (int version = 2; version <= size; version++) {
            events.add(new ProfileUpdated(id, new Profile("Bench user " + version, "bio " + version, "Europe/Berlin")));
        }
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), UUID.randomUUID(), id.toString());
        for (int from = 0; from < size; from += 1_000) {
            List<UserEvent> chunk = events.subList(from, Math.min(size, from + 1_000));
            long expected = from;
            transactions.executeWithoutResult(status -> store.append(Users.AGGREGATE.streamType(), id.toString(),
                    expected, chunk, metadata, clock.instant()));
        }
        long snapshotAt = snapshotVersion(size);
        if (snapshotAt > 0) {
            UserState state = Users.DECIDER.fold(Users.DECIDER.initialState(), events.subList(0, (int) snapshotAt));
            store.saveSnapshot(new Snapshot(id.toString(), snapshotAt, state.getClass().getName(),
                    Users.AGGREGATE.snapshotSchema(), json.writeValueAsString(state)));
        }
        return id.toString();
    }

    private static long snapshotVersion(int size) {
        int every = Users.AGGREGATE.snapshotEvery();
        return every == 0 ? 0 : (long) size / every * every;
    }

    /** Untimed warm-up, then timed loads until {@link #MEASURE_NANOS} or {@link #MAX_LOADS}, whichever comes first. */
    private static Stats time(Runnable load) {
        long warmUntil = System.nanoTime() + WARMUP_NANOS;
        while (System.nanoTime() < warmUntil) {
            load.run();
        }
        long[] nanos = new long[MAX_LOADS];
        int loads = 0;
        long until = System.nanoTime() + MEASURE_NANOS;
        while (loads < MAX_LOADS && (loads < 20 || System.nanoTime() < until)) {
            long t0 = System.nanoTime();
            load.run();
            nanos[loads++] = System.nanoTime() - t0;
        }
        long[] sorted = Arrays.copyOf(nanos, loads);
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        return new Stats(loads, mean, sorted[(int) Math.ceil(0.50 * loads) - 1] / 1e6,
                sorted[(int) Math.ceil(0.99 * loads) - 1] / 1e6);
    }

    private static void dropSchema(String url, String user, String password) throws Exception {
        try (var connection = DriverManager.getConnection(url, user, password);
             var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }
}
