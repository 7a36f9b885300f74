package io.tradecore.kernel.live;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Where the live feed is served, and how its handshake carries the token: {@code Authorization: Bearer …} like every
 * route, or, because a browser's {@code WebSocket} cannot set headers, the {@code access_token} query parameter
 * (RFC 6750 §2.3) on this path only. Either way the handshake is refused with 401 before the upgrade when the token
 * is missing or invalid.
 */
public final class LiveEndpoint {

    public static final String PATH = "/api/live";

    private LiveEndpoint() {
    }

    /** The gateway's token resolver: the header everywhere, the query parameter also on {@link #PATH}. */
    public static BearerTokenResolver tokenResolver() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();
        headerOrQuery.setAllowUriQueryParameter(true);
        return request -> isLive(request) ? headerOrQuery.resolve(request) : header.resolve(request);
    }

    private static boolean isLive(HttpServletRequest request) {
        return PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }
}
