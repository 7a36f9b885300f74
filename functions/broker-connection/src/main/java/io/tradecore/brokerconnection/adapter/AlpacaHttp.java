package io.tradecore.brokerconnection.adapter;

import io.tradecore.contracts.broker.BrokerCredentials;
import io.tradecore.contracts.broker.BrokerException;
import io.tradecore.contracts.broker.BrokerException.Code;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP to an Alpaca-style API: key id and secret in the {@code APCA-API-KEY-ID} / {@code APCA-API-SECRET-KEY}
 * headers, JSON bodies; statuses translated into {@link BrokerException} codes (401, 403, 404, 422, 429 with
 * Retry-After, 5xx) and unreadable bodies into {@code MALFORMED}. Nothing here logs a header or a body.
 */
final class AlpacaHttp {

    private final HttpClient client;
    private final URI base;
    private final JsonMapper json;

    AlpacaHttp(URI base, JsonMapper json, Duration connectTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.base = base;
        this.json = json;
    }

    CompletableFuture<JsonNode> get(BrokerCredentials credentials, String path) {
        return send(credentials, request(path).GET());
    }

    CompletableFuture<JsonNode> post(BrokerCredentials credentials, String path, Object body) {
        return send(credentials, request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
    }

    CompletableFuture<JsonNode> delete(BrokerCredentials credentials, String path) {
        return send(credentials, request(path).DELETE());
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path));
    }

    private CompletableFuture<JsonNode> send(BrokerCredentials credentials, HttpRequest.Builder builder) {
        HttpRequest request = builder.header("APCA-API-KEY-ID", credentials.keyId())
                .header("APCA-API-SECRET-KEY", credentials.secret()).header("Accept", "application/json").build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(this::read);
    }

    private JsonNode read(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            String body = response.body();
            if (body == null || body.isBlank()) {
                return json.nullNode();
            }
            try {
                return json.readTree(body);
            } catch (JacksonException unreadable) {
                throw new BrokerException(Code.MALFORMED, "the broker answered " + status + " with a body that is not JSON");
            }
        }
        throw switch (status) {
            case 401 -> new BrokerException(Code.UNAUTHENTICATED, "the broker refused the credentials");
            case 403 -> new BrokerException(Code.FORBIDDEN, "the credentials may not do this at the broker");
            case 404 -> new BrokerException(Code.NOT_FOUND, "the broker does not know it");
            case 400, 422 -> new BrokerException(Code.REJECTED, "the broker refused the request (" + status + ")");
            case 429 -> new BrokerException(Code.RATE_LIMITED, "the broker asks to slow down",
                    retryAfter(response).orElse(null));
            default -> new BrokerException(Code.UNAVAILABLE, "the broker failed (" + status + ")");
        };
    }

    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException httpDate) {
                return java.util.Optional.empty();
            }
        });
    }

    /** A required text field of an answer; its absence is a malformed answer. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            throw new BrokerException(Code.MALFORMED, "the broker's answer has no " + field);
        }
        return value.asString();
    }

    static java.math.BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return new java.math.BigDecimal(value.asString());
        } catch (NumberFormatException e) {
            throw new BrokerException(Code.MALFORMED, "the broker's " + field + " is not a number");
        }
    }
}
