package io.tradecore.contracts.standin;

import static io.tradecore.kernel.catalog.CatalogEntry.query;

import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.CatalogModule;
import java.util.List;

/** The routes of the stand-in query functions, as their owning domains declare them; no domain of its own. */
public final class StandInCatalog implements CatalogModule {

    @Override
    public String domain() {
        return null;
    }

    @Override
    public List<CatalogEntry> functions() {
        return List.of(
                query("getAccountById", "/api/accounts/{accountId}", null),
                query("getInstrument", "/api/market/instruments/{symbol}", null));
    }
}
