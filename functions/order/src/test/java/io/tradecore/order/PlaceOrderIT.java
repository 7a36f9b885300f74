package io.tradecore.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.testing.TestHttp;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Placement through the gateway: what is placed reads back as new; what is refused writes nothing. */
class PlaceOrderIT extends OrderIT {

    @Test
    void a_valid_order_is_placed_and_the_read_model_shows_it_new() {
        Trader trader = trader();
        var answer = place(trader, limitBuy(trader, "10", "99.5"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        String orderId = answer.text("streamId").substring("order-".length());

        var read = http.get("/api/orders/" + orderId, trader.token(),
                "X-Consistency-Token", answer.header("X-Consistency-Token").orElseThrow());

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.text("status")).isEqualTo("new");
        assertThat(read.text("accountId")).isEqualTo(trader.accountId());
        assertThat(read.text("side")).isEqualTo("buy");
        assertThat(read.text("type")).isEqualTo("limit");
        assertThat(read.text("clientOrderId")).isEqualTo(orderId);
        assertThat(read.body().get("limitPrice").decimalValue()).isEqualByComparingTo("99.5");
        assertThat(read.body().get("estimatedPrice").decimalValue()).isEqualByComparingTo("100");
        assertThat(read.body().get("placedAt").isNull()).isFalse();
        String stored = jdbc.sql("SELECT payload::text FROM event_store_events WHERE stream_id = ?")
                .param("order-" + orderId).query(String.class).single();
        assertThat(stored).contains("\"side\": \"buy\"", "\"type\": \"limit\"", "\"timeInForce\": \"day\"",
                "\"broker\": \"virtual\"");

        var mine = http.get("/api/orders?accountId=" + trader.accountId() + "&status=new", trader.token());
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.body().get("total").asLong()).isEqualTo(1);
        Trader stranger = trader();
        assertThat(http.get("/api/orders/" + orderId, stranger.token()).status()).isEqualTo(404);
        assertThat(http.get("/api/orders?accountId=" + trader.accountId(), stranger.token()).body().get("total")
                .asLong()).isZero();
    }

    @Test
    void the_same_client_order_id_twice_places_one_order() {
        Trader trader = trader();
        Map<String, Object> order = limitBuy(trader, "1", "10", "clientOrderId", "my-order-1");
        assertThat(place(trader, order).status()).isEqualTo(201);
        long before = allEvents();

        var second = place(trader, limitBuy(trader, "2", "11", "clientOrderId", "my-order-1"));

        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.text("code")).isEqualTo("client-order-id-in-use");
        assertThat(allEvents()).isEqualTo(before);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM event_store_events
                         WHERE event_type = 'order.placed' AND payload->>'accountId' = ?""")
                .param(trader.accountId()).query(Long.class).single()).isEqualTo(1);
        // Another account may use the same client order id.
        Trader other = trader();
        assertThat(place(other, limitBuy(other, "1", "10", "clientOrderId", "my-order-1")).status()).isEqualTo(201);
    }

    static Stream<Arguments> badOrders() {
        return Stream.of(
                Arguments.of("zero quantity", Map.of("quantity", BigDecimal.ZERO), 400, "invalid-quantity"),
                Arguments.of("negative quantity", Map.of("quantity", new BigDecimal("-5")), 400, "invalid-quantity"),
                Arguments.of("seven decimals", Map.of("quantity", new BigDecimal("0.0000001")), 400, "invalid-quantity"),
                Arguments.of("unknown symbol", Map.of("symbol", "NOPE"), 422, "unknown-symbol"),
                Arguments.of("limit without a price", Map.of("limitPrice", "-"), 400, "invalid-limitPrice"),
                Arguments.of("ioc stop", Map.of("type", "stop", "limitPrice", "-", "stopPrice", BigDecimal.TEN,
                        "timeInForce", "ioc"), 400, "invalid-timeInForce"),
                Arguments.of("side in capitals", Map.of("side", "BUY"), 400, "invalid-side"),
                Arguments.of("another user's account", Map.of("accountId", "stranger"), 404, "account-not-found"),
                Arguments.of("a closed account", Map.of("accountId", "closed"), 422, "account-not-open"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOrders")
    void a_bad_order_is_refused_with_its_code_and_writes_nothing(String why, Map<String, Object> changes, int status,
                                                                   String code) {
        Trader trader = trader();
        Map<String, Object> order = limitBuy(trader, "10", "99");
        changes.forEach((field, value) -> {
            if ("-".equals(value)) {
                order.remove(field);
            } else if ("stranger".equals(value)) {
                order.put(field, trader().accountId());
            } else if ("closed".equals(value)) {
                market.close(trader.accountId());
            } else {
                order.put(field, value);
            }
        });
        long before = allEvents();

        var answer = place(trader, order);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.text("code")).isEqualTo(code);
        assertThat(allEvents()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM unique_claims WHERE value LIKE ?")
                .param(order.get("accountId") + ":%").query(Long.class).single()).isZero();
    }

    @Test
    void a_request_without_a_token_is_refused() {
        Trader trader = trader();
        assertThat(http.post("/api/orders/place", null, TestHttp.json(limitBuy(trader, "1", "1"))).status())
                .isEqualTo(401);
    }
}
