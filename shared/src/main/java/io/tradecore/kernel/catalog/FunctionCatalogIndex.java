package io.tradecore.kernel.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/** Every function of every module on the classpath, checked for duplicate names and routes. */
public final class FunctionCatalogIndex {

    private final Map<String, CatalogEntry> byName;
    private final List<String> domains;

    public FunctionCatalogIndex(List<CatalogModule> modules) {
        Map<String, CatalogEntry> entries = new LinkedHashMap<>();
        Map<String, String> routes = new LinkedHashMap<>();
        List<String> owners = new ArrayList<>();
        for (CatalogModule module : modules) {
            if (module.domain() != null) {
                owners.add(module.domain());
            }
            for (CatalogEntry entry : module.functions()) {
                CatalogEntry owned = entry.inDomain(module.domain());
                if (entries.put(owned.name(), owned) != null) {
                    throw new IllegalStateException("function declared twice: " + owned.name());
                }
                if (owned.http() != null) {
                    String route = owned.http().method() + " " + owned.http().path().replaceAll("\\{[^}]+}", "{}");
                    String clash = routes.put(route, owned.name());
                    if (clash != null) {
                        throw new IllegalStateException(route + " is routed to both " + clash + " and " + owned.name());
                    }
                }
            }
        }
        this.byName = Map.copyOf(entries);
        this.domains = List.copyOf(owners);
    }

    /** The catalog of the modules on this class loader's path. */
    public static FunctionCatalogIndex load(ClassLoader loader) {
        return new FunctionCatalogIndex(ServiceLoader.load(CatalogModule.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    public Optional<CatalogEntry> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Stream<CatalogEntry> entries() {
        return byName.values().stream();
    }

    public Stream<CatalogEntry> routes() {
        return entries().filter(entry -> entry.http() != null);
    }

    public Stream<CatalogEntry> topicTriggered() {
        return entries().filter(CatalogEntry::isTopicTriggered);
    }

    public List<String> domains() {
        return domains;
    }

    public CatalogEntry require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no function named " + Objects.requireNonNull(name)));
    }
}
