package io.tradecore.position;

import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.CatalogModule;
import java.util.List;

/** position's functions and their triggers. */
public final class PositionCatalog implements CatalogModule {

    @Override
    public String domain() {
        return "position";
    }

    @Override
    public List<CatalogEntry> functions() {
        return List.of();
    }
}
