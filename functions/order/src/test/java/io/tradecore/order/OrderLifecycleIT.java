package io.tradecore.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.testing.TestHttp;
import io.tradecore.order.domain.OrderState;
import io.tradecore.order.domain.Orders;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order's life after placement, driven by the events broker_account and virtual_broker publish, handed to
 * the policy functions as the Kafka records the relay writes.
 */
class OrderLifecycleIT extends OrderIT {

    @Autowired
    Aggregates aggregates;

    @Autowired
    JsonMapper json;

    @Test
    void an_approved_order_is_accepted_then_filled_in_parts_with_the_volume_weighted_average() {
        Trader trader = trader();
        String orderId = placed(trader, limitBuy(trader, "10", "102"));

        acceptOrders.accept(List.of(accountEvent(trader, "account.order-approved", orderId, "broker", "virtual",
                "reservedCash", new BigDecimal("1020.00"))));
        orderWithStatus(trader, orderId, "accepted");

        byte[] first = fill(trader, orderId, "f-1", "4", "100.00", "6");
        recordExecutions.accept(List.of(first));
        JsonNode partly = orderWithStatus(trader, orderId, "partially_filled");
        assertThat(partly.get("filledQuantity").decimalValue()).isEqualByComparingTo("4");
        assertThat(partly.get("averageFillPrice").decimalValue()).isEqualByComparingTo("100");

        recordExecutions.accept(List.of(fill(trader, orderId, "f-2", "6", "101.50", "0")));
        JsonNode done = orderWithStatus(trader, orderId, "filled");
        // (4 × 100.00 + 6 × 101.50) / 10 = 100.90
        assertThat(done.get("averageFillPrice").decimalValue()).isEqualByComparingTo("100.9");
        assertThat(done.get("filledQuantity").decimalValue()).isEqualByComparingTo("10");
        assertThat(done.get("acceptedAt").isNull()).isFalse();
        assertThat(done.get("filledAt").isNull()).isFalse();

        var fills = http.get("/api/orders/" + orderId + "/fills", trader.token());
        assertThat(fills.status()).as(fills.toString()).isEqualTo(200);
        assertThat(fills.body().get("items")).hasSize(2);
        assertThat(fills.body().get("items").get(0).get("fillId").asString()).isEqualTo("f-1");
        assertThat(http.get("/api/orders/" + orderId + "/fills", trader().token()).status()).isEqualTo(404);
    }

    @Test
    void a_redelivered_event_and_a_fill_reported_twice_have_one_effect() {
        Trader trader = trader();
        String orderId = placed(trader, limitBuy(trader, "10", "102"));
        byte[] approved = accountEvent(trader, "account.order-approved", orderId);
        acceptOrders.accept(List.of(approved));
        byte[] fill = fill(trader, orderId, "f-1", "4", "100", "6");
        recordExecutions.accept(List.of(fill));
        long events = eventsOf(orderId);
        assertThat(events).isEqualTo(3);

        acceptOrders.accept(List.of(approved, approved));
        recordExecutions.accept(List.of(fill));
        recordExecutions.accept(List.of(fill(trader, orderId, "f-1", "4", "100", "6"))); // new envelope, same fill

        assertThat(eventsOf(orderId)).isEqualTo(events);
        JsonNode order = orderWithStatus(trader, orderId, "partially_filled");
        assertThat(order.get("filledQuantity").decimalValue()).isEqualByComparingTo("4");
        assertThat(order.get("version").asLong()).isEqualTo(3);
    }

    @Test
    void a_declined_order_is_rejected_with_the_accounts_code() {
        Trader trader = trader();
        String orderId = placed(trader, limitBuy(trader, "10", "102"));

        acceptOrders.accept(List.of(accountEvent(trader, "account.order-declined", orderId,
                "code", "insufficient-buying-power", "reason", "needs 1020.00, has 5.00")));

        JsonNode order = orderWithStatus(trader, orderId, "rejected");
        assertThat(order.get("rejectCode").asString()).isEqualTo("insufficient-buying-power");
        assertThat(order.get("rejectedAt").isNull()).isFalse();
        // A late report about the finished order changes nothing.
        long events = eventsOf(orderId);
        recordExecutions.accept(List.of(brokerEvent(trader, "virtual-broker.order-expired", orderId,
                "leavesQuantity", BigDecimal.TEN)));
        assertThat(eventsOf(orderId)).isEqualTo(events);
    }

    @Test
    void the_owner_cancels_an_open_order_and_the_broker_confirms_it() {
        Trader trader = trader();
        String orderId = placed(trader, limitBuy(trader, "10", "102"));
        acceptOrders.accept(List.of(accountEvent(trader, "account.order-approved", orderId)));

        assertThat(http.post("/api/orders/" + orderId + "/cancel", trader().token(), "{}").text("code"))
                .isEqualTo("order-not-found");
        var cancel = http.post("/api/orders/" + orderId + "/cancel", trader.token(), "{}");
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        orderWithStatus(trader, orderId, "pending_cancel");
        var again = http.post("/api/orders/" + orderId + "/cancel", trader.token(), "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("order-not-open");

        recordExecutions.accept(List.of(brokerEvent(trader, "virtual-broker.order-canceled", orderId,
                "reason", "requested", "leavesQuantity", BigDecimal.TEN)));

        JsonNode order = orderWithStatus(trader, orderId, "canceled");
        assertThat(order.get("reason").asString()).isEqualTo("requested");
        assertThat(order.get("canceledAt").isNull()).isFalse();
    }

    @Test
    void a_replaced_order_is_marked_replaced_and_its_replacement_placed_with_the_new_terms() {
        Trader trader = trader();
        String orderId = placed(trader, limitBuy(trader, "10", "102"));
        acceptOrders.accept(List.of(accountEvent(trader, "account.order-approved", orderId)));

        var replace = http.post("/api/orders/" + orderId + "/replace", trader.token(),
                TestHttp.json(Map.of("limitPrice", new BigDecimal("101.25"), "timeInForce", "gtc")));
        assertThat(replace.status()).as(replace.toString()).isEqualTo(200);
        String newOrderId = replace.text("newOrderId");
        assertThat(newOrderId).isNotEqualTo(orderId).isNotBlank();
        orderWithStatus(trader, orderId, "pending_replace");

        byte[] replaced = brokerEvent(trader, "virtual-broker.order-replaced", orderId, "newOrderId", newOrderId,
                "leavesQuantity", BigDecimal.TEN);
        recordExecutions.accept(List.of(replaced));
        recordExecutions.accept(List.of(replaced)); // redelivered: still one replacement

        JsonNode old = orderWithStatus(trader, orderId, "replaced");
        assertThat(old.get("replacedBy").asString()).isEqualTo(newOrderId);
        JsonNode replacement = orderWithStatus(trader, newOrderId, "new");
        assertThat(replacement.get("replacesOrderId").asString()).isEqualTo(orderId);
        assertThat(replacement.get("limitPrice").decimalValue()).isEqualByComparingTo("101.25");
        assertThat(replacement.get("quantity").decimalValue()).isEqualByComparingTo("10");
        assertThat(replacement.get("timeInForce").asString()).isEqualTo("gtc");
        assertThat(replacement.get("clientOrderId").asString()).isEqualTo(newOrderId);
        assertThat(eventsOf(newOrderId)).isEqualTo(1);
    }

    @Test
    void a_working_order_with_fills_and_a_pending_request_reads_back_from_a_snapshot_as_it_was() {
        Trader trader = trader();
        String orderId = placed(trader, limitBuy(trader, "10", "102"));
        acceptOrders.accept(List.of(accountEvent(trader, "account.order-approved", orderId)));
        recordExecutions.accept(List.of(fill(trader, orderId, "f-1", "2.5", "101.25", "7.5")));
        http.post("/api/orders/" + orderId + "/replace", trader.token(), TestHttp.json(Map.of("quantity", 3)));
        OrderState state = aggregates.load(Orders.AGGREGATE, "order-" + orderId).state();
        assertThat(state).isInstanceOf(OrderState.Working.class);

        OrderState restored = json.readValue(json.writeValueAsString(state), OrderState.Working.class);

        assertThat(restored).isEqualTo(state);
        assertThat(restored.replacedBy()).isNotNull();
    }

    private static byte[] fill(Trader trader, String orderId, String fillId, String quantity, String price,
                               String leaves) {
        return brokerEvent(trader, "virtual-broker.order-filled", orderId, "fillId", fillId, "symbol", SYMBOL,
                "side", "buy", "quantity", new BigDecimal(quantity), "price", new BigDecimal(price),
                "commission", new BigDecimal("1.00"), "leavesQuantity", new BigDecimal(leaves));
    }
}
