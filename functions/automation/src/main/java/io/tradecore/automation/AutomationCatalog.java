package io.tradecore.automation;

import static io.tradecore.kernel.catalog.CatalogEntry.command;
import static io.tradecore.kernel.catalog.CatalogEntry.job;
import static io.tradecore.kernel.catalog.CatalogEntry.policy;
import static io.tradecore.kernel.catalog.CatalogEntry.projector;
import static io.tradecore.kernel.catalog.CatalogEntry.query;

import io.tradecore.automation.domain.Alerts;
import io.tradecore.automation.policy.EvaluateAlerts;
import io.tradecore.automation.publish.PriceAlertPublisher;
import io.tradecore.automation.readmodel.AlertProjection;
import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.CatalogModule;
import java.util.List;

/**
 * automation's functions and their triggers. {@code publishPriceAlerts} is declared a projector: it projects
 * {@code transport.automation} onto the {@code alerts.price} topic (its "read model" is a topic).
 */
public final class AutomationCatalog implements CatalogModule {

    static final String BUS = "transport." + Alerts.DOMAIN;

    @Override
    public String domain() {
        return Alerts.DOMAIN;
    }

    @Override
    public List<CatalogEntry> functions() {
        return List.of(
                command("createAlert", "POST", "/api/alerts/create"),
                command("pauseAlert", "POST", "/api/alerts/{alertId}/pause"),
                command("resumeAlert", "POST", "/api/alerts/{alertId}/resume"),
                command("deleteAlert", "POST", "/api/alerts/{alertId}/delete"),
                query("listAlerts", "/api/alerts", AlertProjection.NAME),
                query("getAlert", "/api/alerts/{alertId}", AlertProjection.NAME),
                policy(EvaluateAlerts.NAME, "transport.virtual_broker"),
                projector("projectAlerts", BUS),
                projector(PriceAlertPublisher.NAME, BUS),
                job("expireAlerts", "rate(1 minute)"));
    }
}
