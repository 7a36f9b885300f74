package io.tradecore.localdev.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends profile updates at a fixed rate (an open model: request i is due at {@code start + i / rate}, whether or
 * not earlier ones have answered) over {@value #CONNECTIONS} keep-alive connections, each update by a random
 * benchmark user with that user's token. A request waits in a queue while every connection is busy, and its
 * latency is measured from when it was due, not from when it went out, so a stalled server cannot hide behind a
 * client that slowed down with it (no coordinated omission). wrk2 does this; it is not packaged here.
 *
 * <p>With {@code -Dbench.orders=SYM,SYM,...} it places market buys of one share of a random listed symbol instead, by
 * the traders of a {@code traders.tsv} (account id, tab, token) from {@link BenchTraders}.
 *
 * <p>Usage: {@code PacedLoad <baseUrl> <users.tsv> <requestsPerSecond> <seconds> [timeline]}. Prints a summary and
 * {@code RESULT key=value} lines for {@code bench/run.sh}. Requests due in the first {@value #WARMUP_SECONDS} s
 * are sent but not counted in the latencies: that is this JVM's own JIT warm-up, not the server's. With
 * {@code timeline}, also prints each second's latencies, to see when a slow tail happened.
 */
public final class PacedLoad {

    static final int WARMUP_SECONDS = 5;
    static final int CONNECTIONS = 64;
    private static final int DONE = -1;

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || args.length > 5) {
            System.err.println("usage: PacedLoad <baseUrl> <users.tsv> <requestsPerSecond> <seconds> [timeline]");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        String orders = System.getProperty("bench.orders");
        String[] symbols = orders == null ? null : orders.split(",");
        List<String[]> users = Files.readAllLines(Path.of(args[1])).stream().map(line -> line.split("\t")).toList();
        double rate = Double.parseDouble(args[2]);
        int total = (int) Math.round(rate * Double.parseDouble(args[3]));
        long interval = Math.round(1e9 / rate);

        long[] latencies = new long[total];
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        BlockingQueue<Integer> due = new LinkedBlockingQueue<>();
        long start = System.nanoTime() + 100_000_000L;
        Thread[] senders = new Thread[CONNECTIONS];
        for (int c = 0; c < CONNECTIONS; c++) {
            senders[c] = Thread.ofVirtual().start(() -> {
                try (RawHttpConnection connection = new RawHttpConnection(base)) {
                    for (int n = take(due); n != DONE; n = take(due)) {
                        String[] user = users.get(ThreadLocalRandom.current().nextInt(users.size()));
                        int status = symbols == null ? update(connection, user[0], user[1], "paced " + n)
                                : order(connection, user[0], user[1], symbols[ThreadLocalRandom.current().nextInt(symbols.length)]);
                        latencies[n] = System.nanoTime() - (start + n * interval);
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                    }
                }
            });
        }
        for (int n = 0; n < total; n++) {
            LockSupport.parkNanos(start + n * interval - System.nanoTime());
            due.add(n);
        }
        for (int c = 0; c < CONNECTIONS; c++) {
            due.add(DONE);
        }
        for (Thread sender : senders) {
            sender.join(); // the last answers
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (args.length == 5 && args[4].equals("timeline")) {
            timeline(latencies, rate);
        }
        int warmup = (int) Math.min(total - 1, Math.round(rate * WARMUP_SECONDS));
        report(rate, total, seconds, Arrays.copyOfRange(latencies, warmup, total), statuses);
    }

    private static int take(BlockingQueue<Integer> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DONE;
        }
    }

    /**
     * Sets a display name never used before, so the command always appends an event; -1 for a transport failure
     * (the connection is then reopened for the next request).
     */
    private static int update(RawHttpConnection connection, String userId, String token, String displayName) {
        try {
            return connection.post("/api/users/" + userId + "/update-profile", token,
                    "{\"displayName\":" + BenchHttp.quoted(displayName) + "}");
        } catch (Exception e) {
            connection.close();
            return -1;
        }
    }

    /** A market buy of one share on the trader's account; -1 for a transport failure. */
    private static int order(RawHttpConnection connection, String accountId, String token, String symbol) {
        try {
            return connection.post("/api/orders/place", token, "{\"accountId\":" + BenchHttp.quoted(accountId)
                    + ",\"symbol\":" + BenchHttp.quoted(symbol)
                    + ",\"side\":\"buy\",\"quantity\":1,\"type\":\"market\",\"timeInForce\":\"day\"}");
        } catch (Exception e) {
            connection.close();
            return -1;
        }
    }

    /** {@code sorted} is sorted in place. */
    private static void report(double rate, int total, double seconds, long[] sorted, Map<Integer, LongAdder> statuses) {
        Arrays.sort(sorted);
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.sum()));
        long non2xx = counts.entrySet().stream().filter(e -> e.getKey() < 200 || e.getKey() > 299)
                .mapToLong(Map.Entry::getValue).sum();
        System.out.printf("paced requests: target %.0f/s, sent %d in %.1f s (%.1f/s); latency from due time of the %d "
                        + "after the first %d s: p50 %.2f ms, p99 %.2f ms, max %.2f ms; statuses %s (-1 = transport error)%n",
                rate, total, seconds, total / seconds, sorted.length, WARMUP_SECONDS, ms(sorted, 0.50), ms(sorted, 0.99),
                ms(sorted, 1.0), counts);
        System.out.printf("RESULT paced_target=%.0f paced_rate=%.1f paced_p50_ms=%.2f paced_p99_ms=%.2f paced_non2xx=%d%n",
                rate, total / seconds, ms(sorted, 0.50), ms(sorted, 0.99), non2xx);
    }

    /** Per second of due times: how many requests, and their p50, p99 and max latency. */
    private static void timeline(long[] latencies, double rate) {
        int perSecond = (int) Math.round(rate);
        for (int from = 0, second = 0; from < latencies.length; from += perSecond, second++) {
            long[] slice = Arrays.copyOfRange(latencies, from, Math.min(latencies.length, from + perSecond));
            Arrays.sort(slice);
            System.out.printf("second %3d: %4d requests, p50 %7.2f ms, p99 %8.2f ms, max %8.2f ms%n",
                    second, slice.length, ms(slice, 0.5), ms(slice, 0.99), ms(slice, 1.0));
        }
    }

    /** The q-quantile (nearest rank) of sorted nanoseconds, in milliseconds. */
    private static double ms(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
