package io.tradecore.kernel.gateway;

import io.tradecore.kernel.function.Actor;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks another domain's query function, by name, the way its HTTP route would be asked: same input checks, same
 * access rules for the given actor. The answer is read into the caller's own record (fields it does not declare
 * are ignored), so the caller never imports the other domain's classes. Commands use it for synchronous checks
 * against other domains' read models ("does this account exist and is it yours?").
 */
public final class QueryBus {

    private final Supplier<Gateway> gateway;
    private final JsonMapper json;

    /** {@code gateway} is looked up on first use: the gateway needs the functions that need this bus. */
    public QueryBus(Supplier<Gateway> gateway, JsonMapper json) {
        this.gateway = gateway;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /**
     * The query's answer as {@code view}, or empty when it answered 404 (absent, or not the actor's to see).
     *
     * @throws IllegalStateException when the query failed otherwise (the caller's request then fails with a 5xx)
     */
    public <R> Optional<R> find(String function, Map<String, String> parameters, Actor actor, Class<R> view) {
        HttpAnswer answer = gateway.get().handle(function, new HttpCall(parameters, Map.of(), name -> null, null, actor));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.body() instanceof ProblemDetail problem) {
            throw new IllegalStateException("query " + function + " answered " + answer.status() + ": "
                    + problem.getDetail());
        }
        return Optional.of(json.convertValue(answer.body(), view));
    }
}
