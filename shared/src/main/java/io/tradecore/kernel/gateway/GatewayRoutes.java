package io.tradecore.kernel.gateway;

import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.function.Document;
import io.tradecore.kernel.security.Actors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** Serves the gateway over Spring MVC: one route per catalog entry with a route. */
public final class GatewayRoutes {

    private GatewayRoutes() {
    }

    public static RouterFunction<ServerResponse> of(Gateway gateway) {
        RouterFunctions.Builder routes = RouterFunctions.route();
        for (CatalogEntry entry : gateway.entries()) {
            var predicate = RequestPredicates.method(HttpMethod.valueOf(entry.http().method()))
                    .and(RequestPredicates.path(entry.http().path()));
            routes.route(predicate, request -> respond(gateway.handle(entry.name(), call(gateway, request))));
        }
        return routes.build();
    }

    private static HttpCall call(Gateway gateway, ServerRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        request.params().forEach((name, values) -> query.put(name, values.getFirst()));
        Actor actor = request.principal().map(Actors::from).orElse(Actor.anonymous());
        return new HttpCall(request.pathVariables(), query, name -> request.headers().firstHeader(name),
                body(gateway.maxBodyBytes(), request), actor);
    }

    private static byte[] body(int limit, ServerRequest request) {
        if (request.servletRequest().getContentLengthLong() > limit) {
            return null;
        }
        try {
            byte[] body = request.servletRequest().getInputStream().readNBytes(limit + 1);
            return body.length > limit ? null : body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServerResponse respond(HttpAnswer answer) {
        var response = ServerResponse.status(answer.status());
        answer.headers().forEach(response::header);
        if (answer.isProblem()) {
            response.contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        if (answer.body() instanceof Document document) {
            return response.contentType(MediaType.parseMediaType(document.mediaType())).body(document.content());
        }
        if (answer.body() == null) {
            return response.build();
        }
        if (!answer.isProblem()) {
            // Named here, not negotiated: with no content type on the response, Spring MVC parses the missing one and
            // throws and catches two exceptions per answer before it picks JSON.
            response.contentType(MediaType.APPLICATION_JSON);
        }
        return response.body(answer.body());
    }
}
