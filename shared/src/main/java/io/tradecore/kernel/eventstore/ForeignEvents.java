package io.tradecore.kernel.eventstore;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A consumer's own view of events another domain publishes (a tolerant reader). The consuming module declares, in
 * its own code, records with just the fields it reads, behind one sealed interface, and the stored type names they
 * stand for. It never imports the publisher's classes, so the two deploy and evolve apart: fields it does not
 * declare are ignored, and event types it does not name are passed over (they still count for ordering).
 *
 * @param <F> the consumer's sealed interface over the events it reads
 */
public final class ForeignEvents<F> {

    private final Class<F> root;
    private final Map<String, Class<? extends F>> byName;

    private ForeignEvents(Class<F> root, Map<String, Class<? extends F>> byName) {
        this.root = root;
        this.byName = Map.copyOf(byName);
    }

    public static <F> Builder<F> of(Class<F> sealedRoot) {
        return new Builder<>(sealedRoot);
    }

    public Class<F> root() {
        return root;
    }

    /** The local class for a stored type name, or null when this consumer does not read that type. */
    public Class<? extends F> classOf(String typeName) {
        return byName.get(typeName);
    }

    public Set<String> typeNames() {
        return byName.keySet();
    }

    /** Collects the names and checks them against the sealed interface: every permitted record is named once. */
    public static final class Builder<F> {
        private final Class<F> root;
        private final Map<String, Class<? extends F>> byName = new HashMap<>();

        private Builder(Class<F> root) {
            if (!root.isSealed()) {
                throw new IllegalArgumentException(root + " must be a sealed interface");
            }
            this.root = root;
        }

        /** Reads events stored under {@code typeName} as {@code type}. */
        public Builder<F> on(String typeName, Class<? extends F> type) {
            if (byName.put(typeName, type) != null) {
                throw new IllegalStateException("type name named twice: " + typeName);
            }
            return this;
        }

        public ForeignEvents<F> build() {
            Set<Class<?>> named = Set.copyOf(byName.values());
            Set<Class<?>> missing = Arrays.stream(root.getPermittedSubclasses())
                    .filter(type -> !named.contains(type)).collect(Collectors.toSet());
            if (!missing.isEmpty()) {
                throw new IllegalStateException(root.getSimpleName() + " records without a type name: " + missing);
            }
            return new ForeignEvents<>(root, byName);
        }
    }

    /**
     * The payload of an event this consumer does not read. It still moves the consumer's checkpoint along, so a
     * gap in a stream is told apart from events the consumer has no interest in.
     */
    public enum Unread {
        INSTANCE
    }
}
