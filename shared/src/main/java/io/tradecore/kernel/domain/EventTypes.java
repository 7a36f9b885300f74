package io.tradecore.kernel.domain;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One module's registry of event classes and the names they are stored under. Built once per aggregate from
 * its sealed event interface; {@link Builder#build()} refuses a registry that misses a permitted subclass, so
 * a new event cannot reach the store without a stable name.
 *
 * @param <E> the sealed event interface
 */
public final class EventTypes<E> {

    private final String domain;
    private final Class<E> root;
    private final Map<Class<? extends E>, EventType> byClass;
    private final Map<String, Class<? extends E>> byName;

    private EventTypes(String domain, Class<E> root, Map<Class<? extends E>, EventType> byClass) {
        this.domain = domain;
        this.root = root;
        this.byClass = Map.copyOf(byClass);
        Map<String, Class<? extends E>> names = new HashMap<>();
        byClass.forEach((type, name) -> {
            if (names.put(name.name(), type) != null) {
                throw new IllegalStateException("event type name used twice: " + name.name());
            }
        });
        this.byName = Map.copyOf(names);
    }

    public static <E> Builder<E> of(String domain, Class<E> sealedRoot) {
        return new Builder<>(domain, sealedRoot);
    }

    /** The stream type (domain) these events belong to, e.g. {@code user_account}. */
    public String domain() {
        return domain;
    }

    public Class<E> root() {
        return root;
    }

    public EventType typeOf(Object event) {
        return typeOfClass(event.getClass());
    }

    public EventType typeOfClass(Class<?> type) {
        EventType name = byClass.get(type);
        if (name == null) {
            throw new IllegalArgumentException("not a registered " + root.getSimpleName() + ": " + type.getName());
        }
        return name;
    }

    public Class<? extends E> classOf(String name) {
        return byName.get(name);
    }

    /** The current schema version of every name, which upcasting must reach. */
    public Map<String, Integer> currentVersions() {
        return byClass.values().stream().collect(Collectors.toUnmodifiableMap(EventType::name, EventType::schemaVersion));
    }

    public Set<Class<? extends E>> classes() {
        return byClass.keySet();
    }

    /** Collects the registrations and checks them against the sealed interface. */
    public static final class Builder<E> {
        private final String domain;
        private final Class<E> root;
        private final Map<Class<? extends E>, EventType> types = new LinkedHashMap<>();

        private Builder(String domain, Class<E> root) {
            if (!root.isSealed()) {
                throw new IllegalArgumentException(root + " must be a sealed interface");
            }
            this.domain = domain;
            this.root = root;
        }

        public Builder<E> add(Class<? extends E> type, String name, int schemaVersion) {
            if (types.put(type, new EventType(name, schemaVersion)) != null) {
                throw new IllegalStateException("registered twice: " + type);
            }
            return this;
        }

        public EventTypes<E> build() {
            Set<Class<?>> permitted = Arrays.stream(root.getPermittedSubclasses()).collect(Collectors.toSet());
            Set<Class<?>> missing = permitted.stream().filter(type -> !types.containsKey(type)).collect(Collectors.toSet());
            if (!missing.isEmpty()) {
                throw new IllegalStateException(root.getSimpleName() + " events without a stored name: " + missing);
            }
            return new EventTypes<>(domain, root, types);
        }
    }
}
