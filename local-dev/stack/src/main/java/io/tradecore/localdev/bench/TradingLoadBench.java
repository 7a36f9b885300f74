package io.tradecore.localdev.bench;

import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.domain.Aggregate;
import io.tradecore.localdev.LocalStack;
import io.tradecore.order.domain.Orders;
import io.tradecore.position.domain.Positions;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What loading an order or a position costs a command, on the streams a trading run left behind (read only): a
 * sample of order streams, and the longest position streams (every fill of a symbol in one account appends to one),
 * each loaded through {@code Aggregates.load} from its snapshot and from version 1, timed per load. Boots the kernel
 * and the modules without a web server, relay or consumers, on the stack's schema ({@code TRADECORE_DB_SCHEMA},
 * default public).
 *
 * <p>Usage: {@code TradingLoadBench}. Prints a table and {@code RESULT} lines for {@code bench/trading.sh}.
 * Annotated with {@code @EnableAutoConfiguration} only, so the stack's component scan does not pick it up.
 */
@EnableAutoConfiguration
public class TradingLoadBench {

    private static final int SAMPLE = 200;
    private static final int ROUNDS = 20;

    public static void main(String[] args) {
        String schema = LocalStack.setting(args, "tradecore.db.schema", "public");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TradingLoadBench.class)
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
                        "--logging.level.org.apache.kafka=ERROR")) {
            Aggregates aggregates = context.getBean(Aggregates.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            System.out.printf("%-9s  %7s  %-8s  %6s  %8s  %8s  %8s%n", "stream", "events", "snapshot", "loads", "mean ms",
                    "p50 ms", "p99 ms");
            measure("order", aggregates, Orders.AGGREGATE, streams(jdbc, "order", "random()"));
            measure("position", aggregates, Positions.AGGREGATE, streams(jdbc, "position", "max(version) DESC"));
        }
    }

    private static List<String> streams(JdbcClient jdbc, String type, String order) {
        return jdbc.sql("SELECT stream_id FROM event_store_events WHERE stream_type = ? GROUP BY stream_id ORDER BY "
                        + order + " LIMIT " + SAMPLE)
                .param(type).query(String.class).list();
    }

    private static void measure(String label, Aggregates aggregates, Aggregate<?, ?, ?> aggregate, List<String> streams) {
        if (streams.isEmpty()) {
            System.out.printf("%-9s  no streams: run the trading load first%n", label);
            return;
        }
        long events = streams.stream().mapToLong(stream -> aggregates.load(aggregate, stream, false).version()).sum();
        for (boolean snapshot : new boolean[] {true, false}) {
            for (int warm = 0; warm < 3; warm++) {
                streams.forEach(stream -> aggregates.load(aggregate, stream, snapshot));
            }
            long[] nanos = new long[streams.size() * ROUNDS];
            int n = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (String stream : streams) {
                    long t0 = System.nanoTime();
                    aggregates.load(aggregate, stream, snapshot);
                    nanos[n++] = System.nanoTime() - t0;
                }
            }
            Arrays.sort(nanos);
            double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
            double p50 = nanos[(int) Math.ceil(0.50 * n) - 1] / 1e6;
            double p99 = nanos[(int) Math.ceil(0.99 * n) - 1] / 1e6;
            String key = label + "_" + (snapshot ? "snap" : "full");
            System.out.printf("%-9s  %7.1f  %-8s  %6d  %8.3f  %8.3f  %8.3f%n", label, (double) events / streams.size(),
                    snapshot ? "yes" : "no", n, mean, p50, p99);
            System.out.printf("RESULT %s_events=%.1f %s_mean_ms=%.3f %s_p50_ms=%.3f %s_p99_ms=%.3f%n", key,
                    (double) events / streams.size(), key, mean, key, p50, key, p99);
        }
    }
}
