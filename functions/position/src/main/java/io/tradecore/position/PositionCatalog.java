package io.tradecore.position;

import static io.tradecore.kernel.catalog.CatalogEntry.policy;
import static io.tradecore.kernel.catalog.CatalogEntry.projector;
import static io.tradecore.kernel.catalog.CatalogEntry.query;

import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.CatalogModule;
import io.tradecore.position.domain.Positions;
import io.tradecore.position.readmodel.PositionProjection;
import java.util.List;

/**
 * position's functions and their triggers. Positions change only through fills (the paper broker's, and a connected
 * broker's brought in by the data-sync worker); there is no command route.
 */
public final class PositionCatalog implements CatalogModule {

    @Override
    public String domain() {
        return Positions.DOMAIN;
    }

    @Override
    public List<CatalogEntry> functions() {
        return List.of(
                policy("recordPositionFills", "transport.virtual_broker"),
                policy("importSyncedFills", "transport.data_sync"),
                projector("projectPositions", "transport." + Positions.DOMAIN, "transport.virtual_broker"),
                query("listPositions", "/api/positions", PositionProjection.NAME),
                query("listClosedPositions", "/api/positions/closed", PositionProjection.NAME),
                query("getPosition", "/api/positions/{accountId}/{symbol}", PositionProjection.NAME));
    }
}
