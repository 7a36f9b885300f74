package io.tradecore.order;

import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.CatalogModule;
import java.util.List;

/** order's functions and their triggers. */
public final class OrderCatalog implements CatalogModule {

    @Override
    public String domain() {
        return "order";
    }

    @Override
    public List<CatalogEntry> functions() {
        return List.of();
    }
}
