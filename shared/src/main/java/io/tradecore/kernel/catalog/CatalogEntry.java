package io.tradecore.kernel.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One function: its bean name (verb-first), kind, owning domain and trigger. Exactly one of {@code http},
 * {@code topics} (non-empty) or {@code schedule} is set, according to the kind.
 */
public record CatalogEntry(String name, FunctionKind kind, String domain, HttpRoute http, List<String> topics,
                           String schedule) {

    public CatalogEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        topics = List.copyOf(topics);
        if (!name.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("function names are camelCase and verb-first: " + name);
        }
    }

    public static CatalogEntry command(String name, String method, String path) {
        return new CatalogEntry(name, FunctionKind.COMMAND, null, new HttpRoute(method, path, false, null), List.of(), null);
    }

    public static CatalogEntry query(String name, String path, String projection) {
        return new CatalogEntry(name, FunctionKind.QUERY, null, new HttpRoute("GET", path, false, projection), List.of(), null);
    }

    public static CatalogEntry projector(String name, String... topics) {
        return new CatalogEntry(name, FunctionKind.PROJECTOR, null, null, List.of(topics), null);
    }

    /** A policy: reacts to events on {@code topics} with commands to its own domain. */
    public static CatalogEntry policy(String name, String... topics) {
        return new CatalogEntry(name, FunctionKind.POLICY, null, null, List.of(topics), null);
    }

    public static CatalogEntry sagaStep(String name, String... topics) {
        return new CatalogEntry(name, FunctionKind.SAGA_STEP, null, null, List.of(topics), null);
    }

    /** A scheduled job; {@code schedule} uses the deploy's syntax, e.g. {@code rate(1 hour)}. */
    public static CatalogEntry job(String name, String schedule) {
        return new CatalogEntry(name, FunctionKind.JOB, null, null, List.of(), schedule);
    }

    /** The same route, reachable without a token (registration, token issue). */
    public CatalogEntry publicRoute() {
        return new CatalogEntry(name, kind, domain, new HttpRoute(http.method(), http.path(), true, http.projection()),
                topics, schedule);
    }

    CatalogEntry inDomain(String owner) {
        return new CatalogEntry(name, kind, owner, http, topics, schedule);
    }

    public boolean isTopicTriggered() {
        return !topics.isEmpty();
    }
}
