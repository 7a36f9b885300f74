package io.tradecore.kernel.gateway;

import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.FunctionCatalogIndex;
import io.tradecore.kernel.catalog.FunctionKind;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.Accepted;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.Query;
import io.tradecore.kernel.function.RequestContext;
import io.tradecore.kernel.projection.ConsistencyWaiter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs an HTTP call through its function, whatever carried the call: read and validate the input, attach the
 * request context (actor, correlation, Idempotency-Key, If-Match, consistency token), invoke through Spring
 * Cloud Function, map the outcome or the refusal. {@link GatewayRoutes} serves it over the servlet container,
 * {@code HttpApiHandler} over API Gateway; both answer alike by construction.
 */
public final class Gateway {

    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Pattern VERSION = Pattern.compile("(W/)?\"?(\\d{1,18})\"?");

    private record Route(CatalogEntry entry, FunctionInvocationWrapper function, Type input) {
    }

    private final Map<String, CatalogEntry> entries = new LinkedHashMap<>();
    /** Functions are looked up on first call: a Lambda serving one route builds that function's beans alone. */
    private final Map<String, Route> routes = new java.util.concurrent.ConcurrentHashMap<>();
    private final FunctionCatalog functions;
    private final InputReader commands;
    private final InputReader queries;
    private final RequestFingerprints fingerprints;
    private final ConsistencyWaiter consistency;
    private final Supplier<UUID> ids;
    private final int maxBodyBytes;

    public Gateway(FunctionCatalogIndex index, FunctionCatalog functions, JsonMapper json, byte[] fingerprintSecret,
                   ConsistencyWaiter consistency, Supplier<UUID> ids, int maxBodyBytes) {
        index.routes().forEach(entry -> entries.put(entry.name(), entry));
        this.functions = functions;
        this.commands = InputReader.forCommands(json);
        this.queries = InputReader.forQueries(json);
        this.fingerprints = new RequestFingerprints(fingerprintSecret, json);
        this.consistency = consistency;
        this.ids = ids;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The catalog entries this gateway serves. */
    public Iterable<CatalogEntry> entries() {
        return entries.values();
    }

    /** Looks up every route's function now: a long-running process fails at start on a catalog without its bean. */
    public Gateway resolveAll() {
        entries.keySet().forEach(this::route);
        return this;
    }

    private Route route(String functionName) {
        CatalogEntry entry = entries.get(functionName);
        if (entry == null) {
            return null;
        }
        return routes.computeIfAbsent(functionName, name -> {
            FunctionInvocationWrapper function = functions.lookup(name);
            if (function == null) {
                throw new IllegalStateException("catalog names function '" + name + "' but no bean has that name");
            }
            return new Route(entry, function, bodyType(entry, function));
        });
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public HttpAnswer handle(String functionName, HttpCall call) {
        Route route = route(functionName);
        if (route == null) {
            throw new IllegalArgumentException("no HTTP route for function " + functionName);
        }
        RequestContext context = context(call);
        // Every log line of this request carries its ids (never its body: bodies can hold secrets).
        try (var correlation = MDC.putCloseable("correlationId", context.correlationId().toString());
             var requestId = MDC.putCloseable("requestId", context.requestId().toString())) {
            return route.entry().kind() == FunctionKind.COMMAND ? command(route, call, context) : query(route, call, context);
        } catch (ConsistencyWaiter.NotYetConsistent behind) {
            return HttpAnswer.problem(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind",
                    behind.getMessage()), Map.of("Retry-After", "1"));
        } catch (RuntimeException failure) {
            Rejection rejection = rejectionIn(failure);
            if (rejection != null) {
                return HttpAnswer.problem(Problems.of(rejection));
            }
            log.error("request {} to {} failed", context.requestId(), functionName, failure);
            return HttpAnswer.problem(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                    "the request failed; quote request id " + context.requestId()));
        }
    }

    private HttpAnswer command(Route route, HttpCall call, RequestContext context) {
        if (call.body() == null || call.body().length > maxBodyBytes) {
            return HttpAnswer.problem(Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                    "the body is larger than " + maxBodyBytes + " bytes"));
        }
        ObjectNode json = commands.object(call.body());
        commands.merge(json, call.pathVariables());
        Object typed = commands.read(json, route.input());
        String key = call.header().apply("Idempotency-Key");
        if (key != null) {
            if (!KEY.matcher(key).matches()) {
                throw Rejection.invalid("Idempotency-Key", "Idempotency-Key must be 1 to 255 visible ASCII characters");
            }
            context = context.withIdempotencyKey(key, fingerprints.of(route.entry().name(), json));
        }
        context = context.withExpectedVersion(ifMatch(call.header().apply("If-Match")));
        Object answer = route.function().apply(new Command<>(typed, context));
        if (answer instanceof Accepted accepted) {
            return new HttpAnswer(202, Map.of("Location", accepted.location()), accepted);
        }
        if (!(answer instanceof CommandResult result)) {
            return new HttpAnswer(200, Map.of(), answer); // an action that changes no stream, e.g. issuing a token
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", "\"" + result.version() + "\"");
        headers.put("X-Consistency-Token", result.consistencyToken());
        if (result.replayed()) {
            headers.put("Idempotent-Replayed", "true");
        }
        return new HttpAnswer(result.created() ? 201 : 200, headers, result);
    }

    private HttpAnswer query(Route route, HttpCall call, RequestContext context) {
        Map<String, String> values = new LinkedHashMap<>(call.queryParameters());
        values.putAll(call.pathVariables());
        ObjectNode json = queries.object(new byte[0]);
        queries.merge(json, values);
        Object typed = queries.read(json, route.input());
        String token = call.header().apply("X-Consistency-Token");
        if (token != null && route.entry().http().projection() != null) {
            consistency.await(route.entry().http().projection(), token);
            context = context.withConsistencyToken(token);
        }
        return new HttpAnswer(200, Map.of(), route.function().apply(new Query<>(typed, context)));
    }

    private RequestContext context(HttpCall call) {
        UUID requestId = ids.get();
        UUID correlation = requestId;
        String given = call.header().apply("X-Correlation-Id");
        if (given != null) {
            try {
                correlation = UUID.fromString(given);
            } catch (IllegalArgumentException ignored) {
                // A caller's malformed correlation id is replaced, not refused: it is only for tracing.
            }
        }
        return new RequestContext(requestId, correlation, call.actor(), null, null, null, null);
    }

    private static Long ifMatch(String header) {
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
