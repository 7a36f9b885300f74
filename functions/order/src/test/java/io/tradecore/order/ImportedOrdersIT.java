package io.tradecore.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.order.domain.AccountId;
import io.tradecore.order.domain.OrderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;

/**
 * A connected broker's orders, brought in by the data-sync worker ({@code sync.order-imported}, then
 * {@code sync.order-updated}): mirrored once per broker order id, never routed, never cancelable here.
 */
class ImportedOrdersIT extends OrderIT {

    @Autowired
    @Qualifier("importSyncedOrders")
    Consumer<List<byte[]>> importSyncedOrders;

    static byte[] orderImported(Trader trader, String brokerOrderId, String status, String filled, String average) {
        Map<String, Object> payload = syncPayload(trader, brokerOrderId);
        payload.put("clientOrderId", "c-" + brokerOrderId);
        payload.put("symbol", "acme");
        payload.put("side", "buy");
        payload.put("quantity", new BigDecimal("10"));
        payload.put("type", "limit");
        payload.put("limitPrice", new BigDecimal("101.123456"));
        payload.put("stopPrice", null);
        payload.put("timeInForce", "gtc");
        payload.put("status", status);
        payload.put("filledQuantity", new BigDecimal(filled));
        payload.put("averageFillPrice", average == null ? null : new BigDecimal(average));
        payload.put("submittedAt", "2026-03-02T14:30:00Z");
        payload.put("updatedAt", "2026-03-02T14:30:01Z");
        return envelope("sync-" + trader.accountId(), "data_sync", "sync.order-imported", trader.userId(), payload);
    }

    static byte[] orderUpdated(Trader trader, String brokerOrderId, String status, String filled, String average,
                               String updatedAt) {
        Map<String, Object> payload = syncPayload(trader, brokerOrderId);
        payload.put("status", status);
        payload.put("filledQuantity", new BigDecimal(filled));
        payload.put("averageFillPrice", average == null ? null : new BigDecimal(average));
        payload.put("updatedAt", updatedAt);
        return envelope("sync-" + trader.accountId(), "data_sync", "sync.order-updated", trader.userId(), payload);
    }

    private static Map<String, Object> syncPayload(Trader trader, String brokerOrderId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("accountId", trader.accountId());
        payload.put("userId", trader.userId());
        payload.put("runId", UUID.randomUUID().toString());
        payload.put("brokerOrderId", brokerOrderId);
        payload.put("at", Instant.now().toString());
        return payload;
    }

    static String importedId(Trader trader, String brokerOrderId) {
        return OrderId.imported(AccountId.of(trader.accountId()), brokerOrderId).toString();
    }

    List<String> eventTypesOf(String orderId) {
        return jdbc.sql("SELECT event_type FROM event_store_events WHERE stream_id = ? ORDER BY version")
                .param("order-" + orderId).query(String.class).list();
    }

    @Test
    void a_synced_broker_order_shows_as_imported_once_however_often_it_is_synced() {
        Trader trader = trader();
        String orderId = importedId(trader, "b-1");

        importSyncedOrders.accept(List.of(orderImported(trader, "b-1", "new", "0", null)));
        importSyncedOrders.accept(List.of(orderImported(trader, "b-1", "new", "0", null))); // a second sync

        JsonNode order = orderWithStatus(trader, orderId, "new");
        assertThat(order.get("brokerOrderId").asString()).isEqualTo("b-1");
        assertThat(order.get("clientOrderId").asString()).isEqualTo("c-b-1");
        assertThat(order.get("accountId").asString()).isEqualTo(trader.accountId());
        assertThat(order.get("symbol").asString()).isEqualTo("ACME");
        assertThat(order.get("limitPrice").decimalValue()).isEqualByComparingTo("101.1235");
        assertThat(order.get("placedAt").asString()).isEqualTo("2026-03-02T14:30:00Z");
        assertThat(order.get("broker").isNull()).isTrue();
        assertThat(eventTypesOf(orderId)).containsExactly("order.imported");
    }

    @Test
    void a_later_sync_with_a_changed_status_records_just_the_change() {
        Trader trader = trader();
        String orderId = importedId(trader, "b-2");
        importSyncedOrders.accept(List.of(orderImported(trader, "b-2", "new", "0", null)));

        byte[] filled = orderUpdated(trader, "b-2", "filled", "10", "100.25", "2026-03-02T14:35:00Z");
        importSyncedOrders.accept(List.of(filled));
        importSyncedOrders.accept(List.of(filled)); // redelivered
        importSyncedOrders.accept(List.of(orderImported(trader, "b-2", "filled", "10", "100.25"))); // seen again

        JsonNode order = orderWithStatus(trader, orderId, "filled");
        assertThat(order.get("filledQuantity").decimalValue()).isEqualByComparingTo("10");
        assertThat(order.get("averageFillPrice").decimalValue()).isEqualByComparingTo("100.25");
        assertThat(order.get("filledAt").asString()).isEqualTo("2026-03-02T14:35:00Z");
        assertThat(eventTypesOf(orderId)).containsExactly("order.imported", "order.import-updated");
        var listed = http.get("/api/orders?accountId=" + trader.accountId() + "&status=filled", trader.token());
        assertThat(listed.body().get("items")).extracting(item -> item.get("orderId").asString())
                .containsExactly(orderId);
    }

    @Test
    void an_imported_order_is_neither_canceled_nor_replaced_here_and_nothing_is_written() {
        Trader trader = trader();
        String orderId = importedId(trader, "b-3");
        importSyncedOrders.accept(List.of(orderImported(trader, "b-3", "new", "0", null)));
        orderWithStatus(trader, orderId, "new");

        var cancel = http.post("/api/orders/" + orderId + "/cancel", trader.token(), "{}");
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(409);
        assertThat(cancel.text("code")).isEqualTo("order-imported");
        var replace = http.post("/api/orders/" + orderId + "/replace", trader.token(), "{\"quantity\":5}");
        assertThat(replace.status()).as(replace.toString()).isEqualTo(409);
        assertThat(replace.text("code")).isEqualTo("order-imported");
        assertThat(http.post("/api/orders/" + orderId + "/cancel", trader().token(), "{}").text("code"))
                .isEqualTo("order-not-found");
        assertThat(eventTypesOf(orderId)).containsExactly("order.imported");
    }

    @Test
    void an_update_of_a_broker_order_never_imported_is_refused_and_writes_nothing() {
        Trader trader = trader();
        long before = eventsOf(importedId(trader, "b-4"));
        importSyncedOrders.accept(List.of(orderUpdated(trader, "b-4", "filled", "10", "100", "2026-03-02T14:35:00Z")));
        assertThat(eventsOf(importedId(trader, "b-4"))).isEqualTo(before).isZero();
    }
}
