package io.tradecore.kernel.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON client for the gateway under test. */
public final class TestHttp {

    /** A response with its body read as JSON (null when empty). */
    public record Response(int status, Map<String, java.util.List<String>> headers, JsonNode body, String raw) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst();
        }

        public String text(String field) {
            JsonNode value = body == null ? null : body.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** For tests that read JSON themselves (Kafka record values). */
    public static final JsonMapper JSON_READER = JSON;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public TestHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public Response get(String path, String token, String... headers) {
        return send(request(path, token, headers).GET());
    }

    public Response post(String path, String token, String body, String... headers) {
        return send(request(path, token, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String token, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw == null || raw.isBlank() ? null : JSON.readTree(raw);
            return new Response(response.statusCode(), response.headers().map(), body, raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
