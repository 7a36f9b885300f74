package io.tradecore.kernel.gateway;

import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.FunctionCatalogIndex;
import io.tradecore.kernel.catalog.FunctionKind;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.Query;
import io.tradecore.kernel.function.RequestContext;
import io.tradecore.kernel.projection.ConsistencyWaiter;
import io.tradecore.kernel.security.Actors;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds one HTTP route per catalog entry with a route, and runs each request through its function: read and
 * validate the input, attach the request context (actor from the verified token, correlation, Idempotency-Key,
 * If-Match, consistency token), invoke through Spring Cloud Function, map the outcome.
 */
public final class Gateway {

    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Pattern VERSION = Pattern.compile("(W/)?\"?(\\d{1,18})\"?");

    private final FunctionCatalogIndex index;
    private final FunctionCatalog functions;
    private final InputReader commands;
    private final InputReader queries;
    private final RequestFingerprints fingerprints;
    private final ConsistencyWaiter consistency;
    private final Supplier<UUID> ids;
    private final int maxBodyBytes;

    public Gateway(FunctionCatalogIndex index, FunctionCatalog functions, JsonMapper json, byte[] fingerprintSecret,
                   ConsistencyWaiter consistency, Supplier<UUID> ids, int maxBodyBytes) {
        this.index = index;
        this.functions = functions;
        this.commands = InputReader.forCommands(json);
        this.queries = InputReader.forQueries(json);
        this.fingerprints = new RequestFingerprints(fingerprintSecret, json);
        this.consistency = consistency;
        this.ids = ids;
        this.maxBodyBytes = maxBodyBytes;
    }

    public RouterFunction<ServerResponse> routes() {
        RouterFunctions.Builder routes = RouterFunctions.route();
        index.routes().forEach(entry -> {
            FunctionInvocationWrapper function = functions.lookup(entry.name());
            if (function == null) {
                throw new IllegalStateException("catalog names function '" + entry.name() + "' but no bean has that name");
            }
            Type input = bodyType(entry, function);
            var predicate = RequestPredicates.method(HttpMethod.valueOf(entry.http().method()))
                    .and(RequestPredicates.path(entry.http().path()));
            routes.route(predicate, request -> handle(entry, function, input, request));
        });
        return routes.build();
    }

    private ServerResponse handle(CatalogEntry entry, Function<Object, Object> function, Type input,
                                  ServerRequest request) throws IOException {
        RequestContext context = context(request);
        // Every log line of this request carries its ids (never its body: bodies can hold secrets).
        try (var correlation = MDC.putCloseable("correlationId", context.correlationId().toString());
             var requestId = MDC.putCloseable("requestId", context.requestId().toString())) {
            return entry.kind() == FunctionKind.COMMAND
                    ? command(entry, function, input, request, context)
                    : query(entry, function, input, request, context);
        } catch (Rejection rejection) {
            return Problems.of(rejection);
        } catch (ConsistencyWaiter.NotYetConsistent behind) {
            return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind", behind.getMessage()));
        } catch (RuntimeException failure) {
            Rejection rejection = rejectionIn(failure);
            if (rejection != null) {
                return Problems.of(rejection);
            }
            log.error("request {} to {} failed", context.requestId(), entry.name(), failure);
            return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                    "the request failed; quote request id " + context.requestId());
        }
    }

    private ServerResponse command(CatalogEntry entry, Function<Object, Object> function, Type input,
                                   ServerRequest request, RequestContext context) throws IOException {
        byte[] body = body(request);
        if (body == null) {
            return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                    "the body is larger than " + maxBodyBytes + " bytes");
        }
        ObjectNode json = commands.object(body);
        commands.merge(json, request.pathVariables());
        Object typed = commands.read(json, input);
        String key = request.headers().firstHeader("Idempotency-Key");
        if (key != null) {
            if (!KEY.matcher(key).matches()) {
                throw Rejection.invalid("Idempotency-Key", "Idempotency-Key must be 1 to 255 visible ASCII characters");
            }
            context = context.withIdempotencyKey(key, fingerprints.of(entry.name(), json));
        }
        context = context.withExpectedVersion(ifMatch(request));
        Object answer = function.apply(new Command<>(typed, context));
        if (!(answer instanceof CommandResult result)) {
            return ServerResponse.ok().body(answer); // an action that changes no stream, e.g. issuing a token
        }
        var response = ServerResponse.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag("\"" + result.version() + "\"")
                .header("X-Consistency-Token", result.consistencyToken());
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(result);
    }

    private ServerResponse query(CatalogEntry entry, Function<Object, Object> function, Type input,
                                 ServerRequest request, RequestContext context) {
        Map<String, String> values = new LinkedHashMap<>();
        request.params().forEach((name, list) -> values.put(name, list.getFirst()));
        values.putAll(request.pathVariables());
        ObjectNode json = queries.object(new byte[0]);
        queries.merge(json, values);
        Object typed = queries.read(json, input);
        String token = request.headers().firstHeader("X-Consistency-Token");
        if (token != null && entry.http().projection() != null) {
            consistency.await(entry.http().projection(), token);
            context = context.withConsistencyToken(token);
        }
        return ServerResponse.ok().body(function.apply(new Query<>(typed, context)));
    }

    private RequestContext context(ServerRequest request) {
        UUID requestId = ids.get();
        UUID correlation = requestId;
        String given = request.headers().firstHeader("X-Correlation-Id");
        if (given != null) {
            try {
                correlation = UUID.fromString(given);
            } catch (IllegalArgumentException ignored) {
                // A caller's malformed correlation id is replaced, not refused: it is only for tracing.
            }
        }
        Actor actor = request.principal().map(Actors::from).orElse(Actor.anonymous());
        return new RequestContext(requestId, correlation, actor, null, null, null, null);
    }

    private byte[] body(ServerRequest request) throws IOException {
        if (request.servletRequest().getContentLengthLong() > maxBodyBytes) {
            return null;
        }
        byte[] body = request.servletRequest().getInputStream().readNBytes(maxBodyBytes + 1);
        return body.length > maxBodyBytes ? null : body;
    }

    private static Long ifMatch(ServerRequest request) {
        String header = request.headers().firstHeader("If-Match");
        if (header == null || header.equals("*")) {
            return null;
        }
        var matcher = VERSION.matcher(header.trim());
        if (!matcher.matches()) {
            throw Rejection.invalid("If-Match", "If-Match must be the version from an earlier ETag, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(2));
    }

    private static Type bodyType(CatalogEntry entry, FunctionInvocationWrapper function) {
        Type input = function.getInputType();
        if (input instanceof ParameterizedType envelope && envelope.getActualTypeArguments().length == 1) {
            return envelope.getActualTypeArguments()[0];
        }
        throw new IllegalStateException(entry.name() + " must take a Command<T> or Query<T>, not " + input);
    }

    private static Rejection rejectionIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Rejection rejection) {
                return rejection;
            }
        }
        return null;
    }
}
