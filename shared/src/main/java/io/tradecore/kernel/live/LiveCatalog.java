package io.tradecore.kernel.live;

import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.CatalogModule;
import java.util.List;

/**
 * The live feed's function: {@code pushLiveEvents} reads the bus topics that carry a user's own events (orders and
 * fills, account cash, positions, broker connections, alerts) and publishes them to the owners' Redis channels. A
 * projector by kind: it is the read side's last step (projector, cache eviction, live push), deployed like one.
 * {@code transport.automation} is listed by name before its module exists; until then the binder creates it empty.
 */
public final class LiveCatalog implements CatalogModule {

    public static final String FUNCTION = "pushLiveEvents";

    static final List<String> TOPICS = List.of("transport.order", "transport.broker_account", "transport.position",
            "transport.broker_connection", "transport.automation");

    @Override
    public String domain() {
        return null;
    }

    @Override
    public List<CatalogEntry> functions() {
        return List.of(CatalogEntry.projector(FUNCTION, TOPICS.toArray(String[]::new)));
    }
}
