package io.tradecore.order;

import static io.tradecore.kernel.catalog.CatalogEntry.command;
import static io.tradecore.kernel.catalog.CatalogEntry.policy;
import static io.tradecore.kernel.catalog.CatalogEntry.projector;
import static io.tradecore.kernel.catalog.CatalogEntry.query;

import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.CatalogModule;
import io.tradecore.order.domain.Orders;
import java.util.List;

/** order's functions and their triggers. */
public final class OrderCatalog implements CatalogModule {

    @Override
    public String domain() {
        return Orders.DOMAIN;
    }

    @Override
    public List<CatalogEntry> functions() {
        return List.of(
                command("placeOrder", "POST", "/api/orders/place"),
                command("cancelOrder", "POST", "/api/orders/{orderId}/cancel"),
                command("replaceOrder", "POST", "/api/orders/{orderId}/replace"),
                query("getOrderById", "/api/orders/{orderId}", "orders"),
                query("listOrders", "/api/orders", "orders"),
                query("listOrderFills", "/api/orders/{orderId}/fills", "orders"),
                projector("projectOrders", "transport." + Orders.DOMAIN),
                policy("acceptOrders", "transport.broker_account"),
                policy("recordExecutions", "transport.virtual_broker"),
                policy("placeAlertOrders", "transport.automation"),
                policy("importSyncedOrders", "transport.data_sync"));
    }
}
