package io.tradecore.kernel.catalog;

import java.util.List;

/**
 * The kernel's own functions: housekeeping jobs every deploy runs ({@code migrateSchema} has no schedule: the
 * deploy invokes it once), and operator routes for administrators.
 */
public final class KernelCatalog implements CatalogModule {

    @Override
    public String domain() {
        return null;
    }

    @Override
    public List<CatalogEntry> functions() {
        return List.of(
                CatalogEntry.job("expireIdempotencyKeys", "rate(1 hour)"),
                CatalogEntry.job("migrateSchema", null),
                CatalogEntry.query("listParkedEvents", "/api/operations/parked-events", null),
                CatalogEntry.command("retryParkedEvents", "POST", "/api/operations/parked-events/retry"));
    }
}
