package io.tradecore.virtualbroker;

import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.CatalogModule;
import java.util.List;

/** virtual_broker's functions and their triggers. */
public final class VirtualBrokerCatalog implements CatalogModule {

    @Override
    public String domain() {
        return "virtual_broker";
    }

    @Override
    public List<CatalogEntry> functions() {
        return List.of();
    }
}
