package io.tradecore.datasync.standin;

import static io.tradecore.kernel.catalog.CatalogEntry.query;

import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.CatalogModule;
import java.util.List;

/** The route of the stand-in {@code getAccountById}, as broker_account declares it; no domain of its own. */
public final class StandInCatalog implements CatalogModule {

    @Override
    public String domain() {
        return null;
    }

    @Override
    public List<CatalogEntry> functions() {
        return List.of(query("getAccountById", "/api/accounts/{accountId}", null));
    }
}
