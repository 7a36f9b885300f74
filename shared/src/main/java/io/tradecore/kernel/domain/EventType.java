package io.tradecore.kernel.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** The stable name an event is stored under, and the version of its payload shape ({@code user.registered}, 1). */
public record EventType(String name, int schemaVersion) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)+");

    public EventType {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("event type name must look like 'order.placed': " + name);
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schema version starts at 1: " + name);
        }
    }

    @Override
    public String toString() {
        return name + ".v" + schemaVersion;
    }
}
