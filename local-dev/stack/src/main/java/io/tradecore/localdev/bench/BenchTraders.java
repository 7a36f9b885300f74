package io.tradecore.localdev.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Gives each benchmark user (from {@link BenchUsers}' {@code users.tsv}) a paper account funded with
 * {@code cash}, then writes them for the order load: {@code traders.lua} (a Lua table of {accountId, token}) and
 * {@code traders.tsv} (accountId, tab, token). Waits until every account shows its buying power, so the first
 * orders are not declined by an account the broker_account read model has not caught up with.
 *
 * <p>Usage: {@code BenchTraders <baseUrl> <users.tsv> <cash> <outDir>}
 */
public final class BenchTraders {

    record Trader(String accountId, String token) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: BenchTraders <baseUrl> <users.tsv> <cash> <outDir>");
            System.exit(2);
        }
        BenchHttp http = new BenchHttp(args[0]);
        List<String[]> users = Files.readAllLines(Path.of(args[1])).stream().map(line -> line.split("\t")).toList();
        String cash = args[2];
        Path out = Path.of(args[3]);

        long started = System.nanoTime();
        List<Future<Trader>> futures = new ArrayList<>(users.size());
        try (ExecutorService callers = Executors.newFixedThreadPool(16)) {
            for (String[] user : users) {
                futures.add(callers.submit(() -> fund(http, user[1], cash)));
            }
        }
        List<Trader> traders = new ArrayList<>(users.size());
        for (Future<Trader> future : futures) {
            traders.add(future.get());
        }
        for (Trader trader : traders) {
            awaitBuyingPower(http, trader, cash);
        }
        System.out.printf("opened and funded %d paper accounts in %.1f s%n", traders.size(),
                (System.nanoTime() - started) / 1e9);

        StringBuilder lua = new StringBuilder("return {\n");
        StringBuilder tsv = new StringBuilder();
        for (Trader trader : traders) {
            lua.append("  {\"").append(trader.accountId()).append("\", \"").append(trader.token()).append("\"},\n");
            tsv.append(trader.accountId()).append('\t').append(trader.token()).append('\n');
        }
        Files.writeString(out.resolve("traders.lua"), lua.append("}\n"));
        Files.writeString(out.resolve("traders.tsv"), tsv);
    }

    private static Trader fund(BenchHttp http, String token, String cash) throws Exception {
        var opened = http.post("/api/accounts/open", "{\"name\":\"bench\"}", token);
        if (!opened.ok()) {
            throw new IllegalStateException("opening an account: HTTP " + opened.status() + " " + opened.body());
        }
        String stream = opened.field("streamId");
        String accountId = stream.startsWith("account-") ? stream.substring("account-".length()) : stream;
        var deposited = http.post("/api/accounts/" + accountId + "/deposit", "{\"amount\":" + cash + "}", token);
        if (!deposited.ok()) {
            throw new IllegalStateException("funding " + accountId + ": HTTP " + deposited.status() + " " + deposited.body());
        }
        return new Trader(accountId, token);
    }

    private static void awaitBuyingPower(BenchHttp http, Trader trader, String cash) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            var account = http.get("/api/accounts/" + trader.accountId(), trader.token());
            if (account.ok() && new java.math.BigDecimal(account.field("buyingPower")).compareTo(new java.math.BigDecimal(cash)) == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("account " + trader.accountId() + " never showed its deposit");
    }
}
