package io.tradecore.brokeraccount;

import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.CatalogModule;
import java.util.List;

/** broker_account's functions and their triggers. */
public final class BrokerAccountCatalog implements CatalogModule {

    @Override
    public String domain() {
        return "broker_account";
    }

    @Override
    public List<CatalogEntry> functions() {
        return List.of();
    }
}
