package io.tradecore.kernel.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.FunctionCatalogIndex;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.function.Document;
import io.tradecore.kernel.gateway.Gateway;
import io.tradecore.kernel.gateway.HttpAnswer;
import io.tradecore.kernel.gateway.HttpCall;
import io.tradecore.kernel.gateway.Problems;
import io.tradecore.kernel.security.Actors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * API Gateway HTTP API (payload format 2.0) events for a command or query function. Verifies the bearer token
 * exactly as the servlet runtime does, then hands the call to the shared {@link Gateway} core, so statuses,
 * problem details and Idempotency-Key behaviour are the same everywhere.
 */
public final class HttpApiHandler implements RequestStreamHandler {

    private final LambdaRuntime runtime;
    private final CatalogEntry entry;
    private final Gateway gateway;
    private final JwtDecoder tokens;
    private final JsonMapper json;

    /** The Lambda runtime's constructor: boots (or reuses) the container's context. */
    public HttpApiHandler() {
        this(LambdaRuntime.get());
    }

    public HttpApiHandler(LambdaRuntime runtime) {
        this.runtime = runtime;
        this.entry = runtime.bean(FunctionCatalogIndex.class).require(runtime.function());
        if (entry.http() == null) {
            throw new IllegalStateException(runtime.function() + " has no HTTP route");
        }
        this.gateway = runtime.bean(Gateway.class);
        this.tokens = runtime.bean(JwtDecoder.class);
        this.json = runtime.json();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = json.readTree(input);
        Map<String, String> headers = lowerCased(event.get("headers"));
        Actor actor;
        try {
            actor = authenticate(headers.get("authorization"));
        } catch (JwtException invalid) {
            write(output, HttpAnswer.unauthenticated(Problems.unauthenticated()));
            return;
        }
        if (!entry.http().isPublic() && !actor.isAuthenticated()) {
            write(output, HttpAnswer.unauthenticated(Problems.unauthenticated()));
            return;
        }
        HttpCall call = new HttpCall(strings(event.get("pathParameters")), strings(event.get("queryStringParameters")),
                name -> headers.get(name.toLowerCase(Locale.ROOT)), body(event), actor);
        write(output, gateway.handle(entry.name(), call));
    }

    private Actor authenticate(String authorization) {
        if (authorization == null) {
            return Actor.anonymous();
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new JwtException("not a bearer token");
        }
        return Actors.from(tokens.decode(authorization.substring(7).trim()));
    }

    private byte[] body(JsonNode event) {
        JsonNode body = event.get("body");
        if (body == null || body.isNull()) {
            return new byte[0];
        }
        boolean base64 = event.has("isBase64Encoded") && event.get("isBase64Encoded").asBoolean();
        byte[] bytes = base64 ? Base64.getDecoder().decode(body.asString()) : body.asString().getBytes(StandardCharsets.UTF_8);
        return bytes.length > gateway.maxBodyBytes() ? null : bytes;
    }

    private void write(OutputStream output, HttpAnswer answer) throws IOException {
        json.writeValue(output, response(json, answer));
    }

    /** The API Gateway response for an answer: JSON, problem+json, or a {@link Document} as base64 bytes. */
    static ObjectNode response(JsonMapper json, HttpAnswer answer) {
        ObjectNode response = json.createObjectNode().put("statusCode", answer.status()).put("isBase64Encoded", false);
        ObjectNode headers = response.putObject("headers");
        answer.headers().forEach(headers::put);
        if (answer.body() instanceof Document document) {
            headers.put("Content-Type", document.mediaType());
            response.put("isBase64Encoded", true);
            response.put("body", Base64.getEncoder().encodeToString(document.content()));
        } else if (answer.body() != null) {
            headers.put("Content-Type", answer.isProblem() ? "application/problem+json" : "application/json");
            response.put("body", json.writeValueAsString(answer.body()));
        }
        return response;
    }

    private static Map<String, String> lowerCased(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(field -> values.put(field.getKey().toLowerCase(Locale.ROOT), field.getValue().asString()));
        }
        return values;
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(field -> values.put(field.getKey(), field.getValue().asString()));
        }
        return values;
    }
}
