package io.tradecore.brokerconnection.adapter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server on loopback that plays an Alpaca-style brokerage. How it answers depends on the key id a
 * request carries, so one stub serves many tests and concurrent sagas: {@code validate-401}, {@code validate-403},
 * {@code establish-500}, {@code fetch-malformed}, {@code fetch-none}, {@code finalize-403}, {@code hang-fetch} (held
 * until {@link #release}), {@code hang-finalize} (activating and closing its session each held until
 * {@link #release(String, String)}), {@code slow} (answers after 2 s), {@code flaky} (two 503s, then fine), {@code limited}
 * (a 429 with Retry-After: 1, then fine), {@code submit-lost} (takes the order but answers 503). Anything else is a
 * healthy login with two accounts. It records what it was asked, never the secret.
 */
public final class StubBroker implements AutoCloseable {

    public record Call(String method, String path, String keyId) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, String> orders = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();

    public StubBroker() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", this::handle);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public long count(String method, String pathPrefix, String keyId) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().startsWith(pathPrefix)
                && c.keyId().equals(keyId)).count();
    }

    /** The secret the stub last saw with a key id: to check the adapter sends it, without the stub logging it. */
    public String secretSeenFor(String keyId) {
        return secrets.get(keyId);
    }

    public void release() {
        released.countDown();
    }

    /**
     * Lets a held {@code hang-finalize} call of {@code keyId} answer: {@code "activate"} (the finalize step's call) or
     * {@code "close"} (closing its session). Each key and call has its own gate, so tests never release each other.
     */
    public void release(String call, String keyId) {
        gate(call, keyId).countDown();
    }

    private CountDownLatch gate(String call, String keyId) {
        return holds.computeIfAbsent(call + ":" + keyId, k -> new CountDownLatch(1));
    }

    private void hold(String call, String keyId) {
        try {
            gate(call, keyId).await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        holds.values().forEach(CountDownLatch::countDown);
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = String.valueOf(exchange.getRequestHeaders().getFirst("APCA-API-KEY-ID"));
            String secret = exchange.getRequestHeaders().getFirst("APCA-API-SECRET-KEY");
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            calls.add(new Call(method, path, key));
            if (secret == null || secret.isBlank()) {
                send(exchange, 401, "{\"message\":\"unauthorized\"}");
                return;
            }
            secrets.put(key, secret);
            answer(exchange, key, method, path, query);
        }
    }

    private void answer(HttpExchange exchange, String key, String method, String path, String query) throws IOException {
        if (key.contains("slow")) {
            pause(2000);
        }
        if (key.contains("flaky") && attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() <= 2) {
            send(exchange, 503, "{\"message\":\"try later\"}");
            return;
        }
        if (key.contains("limited") && attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() == 1) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, 429, "{\"message\":\"slow down\"}");
            return;
        }
        if (method.equals("GET") && path.equals("/v2/account")) {
            if (key.contains("validate-401")) {
                send(exchange, 401, "{\"message\":\"bad key\"}");
            } else if (key.contains("validate-403")) {
                send(exchange, 403, "{\"message\":\"forbidden\"}");
            } else {
                send(exchange, 200, "{\"account_number\":\"" + key + "-main\",\"status\":\"ACTIVE\",\"currency\":\"USD\","
                        + "\"cash\":\"1000.00\",\"buying_power\":\"2000.00\",\"equity\":\"1000.00\"}");
            }
        } else if (method.equals("POST") && path.equals("/v2/sessions")) {
            if (key.contains("establish-500")) {
                send(exchange, 500, "{\"message\":\"boom\"}");
            } else {
                send(exchange, 200, "{\"id\":\"session-" + key + "\"}");
            }
        } else if (method.equals("GET") && path.startsWith("/v2/sessions/") && path.endsWith("/accounts")) {
            accounts(exchange, key);
        } else if (method.equals("POST") && path.endsWith("/activate")) {
            if (key.contains("hang-finalize")) {
                hold("activate", key);
            }
            send(exchange, key.contains("finalize-403") ? 403 : 200, "{}");
        } else if (method.equals("DELETE") && path.startsWith("/v2/sessions/")) {
            if (key.contains("hang-finalize")) {
                hold("close", key);
            }
            send(exchange, 204, "");
        } else {
            trading(exchange, key, method, path, query);
        }
    }

    private void accounts(HttpExchange exchange, String key) throws IOException {
        if (key.contains("hang-fetch")) {
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (key.contains("fetch-malformed")) {
            send(exchange, 200, "[{\"account_number\": ");
        } else if (key.contains("fetch-none")) {
            send(exchange, 200, "[]");
        } else {
            send(exchange, 200, "[{\"account_number\":\"" + key + "-1\",\"currency\":\"USD\",\"cash\":\"100.00\"},"
                    + "{\"account_number\":\"" + key + "-2\",\"currency\":\"USD\",\"cash\":\"5.00\"}]");
        }
    }

    private void trading(HttpExchange exchange, String key, String method, String path, String query) throws IOException {
        if (method.equals("POST") && path.equals("/v2/orders")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String clientOrderId = body.replaceAll(".*\"client_order_id\":\"([^\"]+)\".*", "$1");
            orders.put(clientOrderId, order(clientOrderId));
            if (key.contains("submit-lost")) {
                send(exchange, 503, "{\"message\":\"gateway timeout\"}");
            } else {
                send(exchange, 200, orders.get(clientOrderId));
            }
        } else if (method.equals("GET") && path.equals("/v2/orders:by_client_order_id")) {
            String clientOrderId = query.replace("client_order_id=", "");
            String order = orders.get(clientOrderId);
            send(exchange, order == null ? 404 : 200, order == null ? "{\"message\":\"not found\"}" : order);
        } else if (method.equals("GET") && path.equals("/v2/positions")) {
            send(exchange, 200, "[{\"symbol\":\"AAPL\",\"qty\":\"10\",\"avg_entry_price\":\"150.25\",\"current_price\":\"151\"}]");
        } else {
            send(exchange, 404, "{\"message\":\"no route\"}");
        }
    }

    private static String order(String clientOrderId) {
        return "{\"id\":\"b-" + clientOrderId + "\",\"client_order_id\":\"" + clientOrderId + "\",\"symbol\":\"AAPL\","
                + "\"side\":\"buy\",\"qty\":\"1\",\"type\":\"market\",\"time_in_force\":\"day\",\"status\":\"accepted\","
                + "\"filled_qty\":\"0\",\"submitted_at\":\"2026-01-05T10:00:00Z\",\"updated_at\":\"2026-01-05T10:00:00Z\"}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // the stub plays a slow broker; the test itself never sleeps
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
