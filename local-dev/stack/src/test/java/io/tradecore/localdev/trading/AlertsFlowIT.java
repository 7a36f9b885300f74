package io.tradecore.localdev.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.testing.TestHttp;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Price alerts end to end with every module: an alert set over HTTP fires on the virtual broker's ticks, and its
 * order action goes through the order domain's placement, the buying-power gate and the broker, exactly once.
 * Symbols of their own (JPM, IWM): no other test ticks them.
 */
class AlertsFlowIT extends TradingIT {

    @Test
    void a_crossing_alert_with_an_order_action_places_one_order_that_fills_into_a_position() {
        User user = register();
        String account = fundedAccount(user, "10000", false);
        tickAndWait("JPM", "200");
        String alertId = createAlert(user, alert("JPM", "crossing_down", "195", action(account, "5", "market")));

        tick("JPM", "196");
        tick("JPM", "194");

        JsonNode fired = awaitJson("/api/alerts/" + alertId, user, a -> "triggered".equals(a.get("status").asString()));
        assertThat(decimal(fired, "lastTriggeredPrice")).isEqualByComparingTo("194");
        assertThat(decimal(fired, "lastTriggeredPreviousPrice")).isEqualByComparingTo("196");
        long sequence = fired.get("lastTriggeredSequence").asLong();
        JsonNode orders = awaitJson("/api/orders?accountId=" + account, user, page -> page.get("items").size() == 1
                && "filled".equals(page.get("items").get(0).get("status").asString()));
        JsonNode order = orders.get("items").get(0);
        assertThat(order.get("clientOrderId").asString()).isEqualTo("alert:" + alertId + ":" + sequence);
        assertThat(decimal(order, "filledQuantity")).isEqualByComparingTo("5");
        awaitPosition(user, account, "JPM", p -> equal(p, "quantity", "5"));

        tick("JPM", "190");
        tick("JPM", "201");
        tick("JPM", "185");
        awaitPosition(user, account, "JPM", p -> equal(p, "unrealizedPnl", "-45"));
        assertThat(http.get("/api/orders?accountId=" + account, user.token()).body().get("items").size()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM event_store_events WHERE event_type = 'alert.triggered' AND payload->>'alertId' = ?")
                .param(alertId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void an_alert_order_the_account_cannot_afford_is_rejected_like_any_other() {
        User user = register();
        String account = fundedAccount(user, "1000", false);
        tickAndWait("IWM", "210");
        String alertId = createAlert(user, alert("IWM", "greater_than", "211", action(account, "100", "market")));

        tick("IWM", "212");

        awaitJson("/api/alerts/" + alertId, user, a -> "triggered".equals(a.get("status").asString()));
        JsonNode orders = awaitJson("/api/orders?accountId=" + account, user, page -> page.get("items").size() == 1
                && "rejected".equals(page.get("items").get(0).get("status").asString()));
        assertThat(orders.get("items").get(0).get("clientOrderId").asString()).startsWith("alert:" + alertId + ":");
        awaitAccount(user, account, a -> equal(a, "cash", "1000") && equal(a, "reservedCash", "0"));
    }

    private String createAlert(User user, Map<String, Object> alert) {
        var created = http.post("/api/alerts/create", user.token(), TestHttp.json(alert));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.text("alertId");
    }

    private static Map<String, Object> alert(String symbol, String condition, String threshold,
                                             Map<String, Object> action) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("symbol", symbol);
        alert.put("condition", condition);
        alert.put("threshold", new BigDecimal(threshold));
        alert.put("action", action);
        return alert;
    }

    private static Map<String, Object> action(String accountId, String quantity, String type) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("accountId", accountId);
        action.put("side", "buy");
        action.put("quantity", new BigDecimal(quantity));
        action.put("type", type);
        action.put("timeInForce", "day");
        return action;
    }
}
