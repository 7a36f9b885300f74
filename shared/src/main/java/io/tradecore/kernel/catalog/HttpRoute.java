package io.tradecore.kernel.catalog;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP route of a command or query. Path variables are named after the input's fields
 * ({@code /api/users/{userId}/change-email}). {@code projection} names the read model a query waits on when a
 * request carries a consistency token.
 */
public record HttpRoute(String method, String path, boolean isPublic, String projection) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    public HttpRoute {
        Objects.requireNonNull(method, "method");
        if (!path.startsWith("/api/")) {
            throw new IllegalArgumentException("routes live under /api/: " + path);
        }
    }

    public List<String> variables() {
        Matcher matcher = VARIABLE.matcher(path);
        return matcher.results().map(result -> result.group(1)).toList();
    }
}
