package io.tradecore.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;

/** automation's {@code alert.triggered} with an order action places that order, once, as its owner's. */
class AlertOrderIT extends OrderIT {

    @Autowired
    @Qualifier("placeAlertOrders")
    Consumer<List<byte[]>> placeAlertOrders;

    @Test
    void a_fired_alert_with_an_action_places_one_order_however_often_it_is_delivered() {
        Trader ada = trader();
        String alertId = UUID.randomUUID().toString();
        byte[] fired = triggered(ada, alertId, 7, action(ada.accountId(), "limit", "99.5"));
        placeAlertOrders.accept(List.of(fired, fired));
        placeAlertOrders.accept(List.of(fired));
        // the same firing under another event id (an event id is new per delivery of a re-appended event)
        placeAlertOrders.accept(List.of(triggered(ada, alertId, 7, action(ada.accountId(), "limit", "99.5"))));

        String orderId = UUID.nameUUIDFromBytes(("alert:" + alertId + ":7").getBytes(StandardCharsets.UTF_8)).toString();
        JsonNode order = orderWithStatus(ada, orderId, "new");
        assertThat(order.get("clientOrderId").asString()).isEqualTo("alert:" + alertId + ":7");
        assertThat(order.get("type").asString()).isEqualTo("limit");
        assertThat(order.get("limitPrice").decimalValue()).isEqualByComparingTo("99.5");
        assertThat(order.get("userId").asString()).isEqualTo(ada.userId());
        assertThat(eventsOf(orderId)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM event_store_events WHERE event_type = 'order.placed' AND payload->>'clientOrderId' = ?")
                .param("alert:" + alertId + ":7").query(Long.class).single()).isEqualTo(1);

        // the next firing of an every_time alert is another order
        placeAlertOrders.accept(List.of(triggered(ada, alertId, 9, action(ada.accountId(), "market", null))));
        String next = UUID.nameUUIDFromBytes(("alert:" + alertId + ":9").getBytes(StandardCharsets.UTF_8)).toString();
        assertThat(orderWithStatus(ada, next, "new").get("type").asString()).isEqualTo("market");
    }

    @Test
    void an_alert_naming_an_account_that_is_not_its_owners_or_no_action_places_nothing() {
        Trader ada = trader();
        Trader bob = trader();
        long before = allEvents();
        placeAlertOrders.accept(List.of(triggered(ada, UUID.randomUUID().toString(), 1,
                action(bob.accountId(), "market", null))));
        placeAlertOrders.accept(List.of(triggered(ada, UUID.randomUUID().toString(), 1, null)));
        market.close(ada.accountId());
        placeAlertOrders.accept(List.of(triggered(ada, UUID.randomUUID().toString(), 1,
                action(ada.accountId(), "market", null))));
        assertThat(allEvents()).isEqualTo(before);
    }

    private static Map<String, Object> action(String accountId, String type, String limitPrice) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("accountId", accountId);
        action.put("side", "buy");
        action.put("quantity", new BigDecimal("5.000000"));
        action.put("type", type);
        action.put("limitPrice", limitPrice == null ? null : new BigDecimal(limitPrice));
        action.put("timeInForce", "day");
        return action;
    }

    /** {@code alert.triggered} as automation's relay writes it; the event's acting user is the platform (none). */
    private static byte[] triggered(Trader owner, String alertId, long sequence, Map<String, Object> action) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("alertId", alertId);
        payload.put("userId", owner.userId());
        payload.put("symbol", SYMBOL);
        payload.put("condition", "crossing_up");
        payload.put("threshold", new BigDecimal("100.0000"));
        payload.put("price", new BigDecimal("100.5000"));
        payload.put("previousPrice", new BigDecimal("99.0000"));
        payload.put("sequence", sequence);
        payload.put("frequency", "every_time");
        payload.put("action", action);
        payload.put("at", java.time.Instant.now().toString());
        return envelope("alert-book-" + SYMBOL, "automation", "alert.triggered", null, payload);
    }
}
