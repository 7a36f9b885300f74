package io.tradecore.virtualbroker;

import static io.tradecore.kernel.catalog.CatalogEntry.command;
import static io.tradecore.kernel.catalog.CatalogEntry.job;
import static io.tradecore.kernel.catalog.CatalogEntry.policy;
import static io.tradecore.kernel.catalog.CatalogEntry.query;

import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.CatalogModule;
import io.tradecore.virtualbroker.domain.BrokerOrders;
import java.util.List;

/**
 * virtual_broker's functions and their triggers. The instrument queries name no projection: the last prices are
 * written with the ticks themselves, so a query never has to wait for them.
 */
public final class VirtualBrokerCatalog implements CatalogModule {

    @Override
    public String domain() {
        return BrokerOrders.DOMAIN;
    }

    @Override
    public List<CatalogEntry> functions() {
        return List.of(
                command("recordTick", "POST", "/api/market/ticks"),
                query("getInstrument", "/api/market/instruments/{symbol}", null),
                query("listInstruments", "/api/market/instruments", null),
                policy("routeApprovedOrders", "transport.broker_account"),
                policy("relayOrderRequests", "transport.order"),
                policy("matchOrdersOnTick", "transport." + BrokerOrders.DOMAIN),
                job("expireDayOrders", "rate(1 minute)"));
    }
}
