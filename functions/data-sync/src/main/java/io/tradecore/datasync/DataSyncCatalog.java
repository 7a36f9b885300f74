package io.tradecore.datasync;

import static io.tradecore.kernel.catalog.CatalogEntry.command;
import static io.tradecore.kernel.catalog.CatalogEntry.job;
import static io.tradecore.kernel.catalog.CatalogEntry.policy;
import static io.tradecore.kernel.catalog.CatalogEntry.projector;
import static io.tradecore.kernel.catalog.CatalogEntry.query;

import io.tradecore.datasync.domain.AccountSyncs;
import io.tradecore.datasync.readmodel.SyncProjection;
import io.tradecore.datasync.sync.SyncRequestRouting;
import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.CatalogModule;
import java.util.List;

/**
 * data_sync's functions and their triggers. {@code routeSyncRequests} copies {@code sync.requested} from the bus to
 * the worker topic; {@code syncAccountHistory} consumes that topic and sends commands to the module's own sync
 * streams; both are topic-triggered like policies.
 */
public final class DataSyncCatalog implements CatalogModule {

    private static final String BUS = "transport." + AccountSyncs.DOMAIN;

    @Override
    public String domain() {
        return AccountSyncs.DOMAIN;
    }

    @Override
    public List<CatalogEntry> functions() {
        return List.of(
                command("requestAccountSync", "POST", "/api/sync/request"),
                query("getSyncStatus", "/api/sync/accounts/{accountId}", SyncProjection.NAME),
                projector("projectSyncRuns", BUS),
                projector("trackConnectedAccounts", "transport.broker_account"),
                policy("routeSyncRequests", BUS),
                policy("syncAccountHistory", SyncRequestRouting.TOPIC),
                job("requestScheduledSyncs", "rate(1 hour)"));
    }
}
