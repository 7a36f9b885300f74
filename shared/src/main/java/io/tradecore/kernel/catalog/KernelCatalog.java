package io.tradecore.kernel.catalog;

import java.util.List;

/** The kernel's own functions: housekeeping jobs that every deploy runs. */
public final class KernelCatalog implements CatalogModule {

    @Override
    public String domain() {
        return null;
    }

    @Override
    public List<CatalogEntry> functions() {
        return List.of(CatalogEntry.job("expireIdempotencyKeys", "rate(1 hour)"));
    }
}
