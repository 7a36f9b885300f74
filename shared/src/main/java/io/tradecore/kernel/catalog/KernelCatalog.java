package io.tradecore.kernel.catalog;

import java.util.List;

/**
 * The kernel's own functions: the outbox relay and housekeeping jobs every deploy runs (jobs without a schedule,
 * {@code migrateSchema} and {@code provisionTopics}, are steps the deploy invokes once), and operator routes for
 * administrators.
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
                CatalogEntry.job("provisionTopics", null),
                // On Lambda the relay is a function that drains for most of a minute, every minute; in a
                // long-running process the relay loop holds the lock and this run returns at once.
                CatalogEntry.job("relayOutbox", "rate(1 minute)"),
                CatalogEntry.query("listParkedEvents", "/api/operations/parked-events", null),
                CatalogEntry.command("retryParkedEvents", "POST", "/api/operations/parked-events/retry"),
                // Read-model maintenance (io.tradecore.kernel.maintenance): rebuild and repair answer 202 and run on.
                CatalogEntry.command("rebuildReadModel", "POST", "/api/operations/read-models/rebuild"),
                CatalogEntry.command("repairReadModel", "POST", "/api/operations/read-models/repair"),
                CatalogEntry.command("requestIntegrityCheck", "POST", "/api/operations/integrity-checks"),
                CatalogEntry.query("getRebuildProgress", "/api/operations/read-models/runs/{runId}", null),
                CatalogEntry.query("listIntegrityIssues", "/api/operations/integrity-issues", null),
                CatalogEntry.job("checkIntegrity", "rate(1 day)"),
                CatalogEntry.job("publishIntegrityAlerts", "rate(1 minute)"));
    }
}
