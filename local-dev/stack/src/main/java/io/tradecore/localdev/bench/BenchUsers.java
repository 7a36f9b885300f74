package io.tradecore.localdev.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Registers users through the gateway and signs each one in, then writes them for the load generators:
 * {@code users.lua} (a Lua table of {id, token} that wrk scripts load) and {@code users.tsv} (id, tab, token).
 * Registration and sign-in each spend an Argon2id hash on the server, so this is bound by the server's CPU;
 * a few concurrent callers per core keep it busy.
 *
 * <p>Usage: {@code BenchUsers <baseUrl> <count> <concurrency> <outDir> <usernamePrefix>}
 */
public final class BenchUsers {

    static final String PASSWORD = "bench-password-0123";

    record User(String id, String token) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: BenchUsers <baseUrl> <count> <concurrency> <outDir> <usernamePrefix>");
            System.exit(2);
        }
        BenchHttp http = new BenchHttp(args[0]);
        int count = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        String prefix = args[4];

        long started = System.nanoTime();
        List<Future<User>> futures = new ArrayList<>(count);
        try (ExecutorService callers = Executors.newFixedThreadPool(concurrency)) {
            for (int i = 0; i < count; i++) {
                String username = prefix + "u" + i;
                futures.add(callers.submit(() -> register(http, username)));
            }
        }
        List<User> users = new ArrayList<>(count);
        for (Future<User> future : futures) {
            users.add(future.get()); // the first failure ends the run, with its cause
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("registered and signed in %d users in %.1f s (%.1f users/s, %d concurrent callers)%n",
                count, seconds, count / seconds, concurrency);

        Files.createDirectories(out);
        StringBuilder lua = new StringBuilder("return {\n");
        StringBuilder tsv = new StringBuilder();
        for (User user : users) {
            lua.append("  {\"").append(user.id()).append("\", \"").append(user.token()).append("\"},\n");
            tsv.append(user.id()).append('\t').append(user.token()).append('\n');
        }
        Files.writeString(out.resolve("users.lua"), lua.append("}\n"));
        Files.writeString(out.resolve("users.tsv"), tsv);
    }

    private static User register(BenchHttp http, String username) throws Exception {
        var created = http.post("/api/users/create", "{\"username\":" + BenchHttp.quoted(username)
                + ",\"email\":" + BenchHttp.quoted(username + "@bench.example.com")
                + ",\"password\":" + BenchHttp.quoted(PASSWORD) + "}", null);
        if (!created.ok()) {
            throw new IllegalStateException("registering " + username + ": HTTP " + created.status() + " " + created.body());
        }
        var token = http.post("/api/auth/token", "{\"username\":" + BenchHttp.quoted(username)
                + ",\"password\":" + BenchHttp.quoted(PASSWORD) + "}", null);
        if (!token.ok()) {
            throw new IllegalStateException("signing in " + username + ": HTTP " + token.status() + " " + token.body());
        }
        return new User(created.field("streamId"), token.field("access_token"));
    }
}
