package io.tradecore.localdev.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.testing.TestHttp;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Orders from placement to fill, position and cash, end to end over HTTP and the event bus. */
class TradingFlowIT extends TradingIT {

    @Test
    void a_market_buy_fills_at_the_last_tick_and_moves_position_and_cash() {
        User user = register();
        String account = fundedAccount(user, "10000", false);
        tick("AAPL", "100");

        String orderId = placeOk(user, order(account, "AAPL", "buy", "10", "market", "day"));

        JsonNode filled = awaitOrderStatus(user, orderId, "filled");
        assertThat(decimal(filled, "filledQuantity")).isEqualByComparingTo("10");
        assertThat(decimal(filled, "averageFillPrice")).isEqualByComparingTo("100");
        JsonNode position = awaitPosition(user, account, "AAPL", p -> equal(p, "quantity", "10"));
        assertThat(decimal(position, "averageEntryPrice")).isEqualByComparingTo("100");
        assertThat(decimal(position, "costBasis")).isEqualByComparingTo("1000");
        // 10 000 - 10 x 100 - commission max(10 x 0.01, 1.00)
        awaitAccount(user, account, a -> equal(a, "cash", "8999") && equal(a, "reservedCash", "0")
                && equal(a, "buyingPower", "8999"));

        tick("AAPL", "110");
        awaitPosition(user, account, "AAPL", p -> equal(p, "unrealizedPnl", "100"));
        awaitAccount(user, account, a -> equal(a, "equity", "10099"));
        var history = http.get("/api/accounts/" + account + "/activities", user.token());
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.raw()).contains("deposit").contains(orderId);
    }

    @Test
    void a_limit_buy_fills_only_when_the_price_crosses_it() {
        User user = register();
        String account = fundedAccount(user, "10000", false);
        tick("MSFT", "200");
        String orderId = placeOk(user, order(account, "MSFT", "buy", "5", "limit", "gtc", "limitPrice", "195"));
        awaitOrderStatus(user, orderId, "accepted");

        tick("MSFT", "196");
        tick("MSFT", "195.50");
        // Accepted and still unfilled after ticks above the limit: the next tick below is what fills it.
        awaitOrderStatus(user, orderId, "accepted");
        tick("MSFT", "194");
        JsonNode filled = awaitOrderStatus(user, orderId, "filled");
        assertThat(decimal(filled, "averageFillPrice")).isLessThanOrEqualTo(new BigDecimal("195"));
        awaitPosition(user, account, "MSFT", p -> equal(p, "quantity", "5"));
    }

    @Test
    void a_stop_sell_triggers_when_the_price_falls_to_it() {
        User user = register();
        String account = fundedAccount(user, "10000", false);
        tick("AMZN", "50");
        String buy = placeOk(user, order(account, "AMZN", "buy", "20", "market", "day"));
        awaitOrderStatus(user, buy, "filled");
        awaitPosition(user, account, "AMZN", p -> equal(p, "quantity", "20"));

        String stop = placeOk(user, order(account, "AMZN", "sell", "20", "stop", "gtc", "stopPrice", "45"));
        awaitOrderStatus(user, stop, "accepted");
        tick("AMZN", "47");
        awaitOrderStatus(user, stop, "accepted");
        tick("AMZN", "44");
        JsonNode filled = awaitOrderStatus(user, stop, "filled");
        assertThat(decimal(filled, "averageFillPrice")).isEqualByComparingTo("44");
        JsonNode closed = awaitClosedPositions(user, account, 1);
        assertThat(decimal(closed.get(0), "realizedPnl")).isEqualByComparingTo("-120"); // (44 - 50) x 20
    }

    @Test
    void a_trailing_stop_follows_the_high_water_mark_and_sells_on_the_pullback() {
        User user = register();
        String account = fundedAccount(user, "10000", false);
        tick("NVDA", "100");
        String buy = placeOk(user, order(account, "NVDA", "buy", "10", "market", "day"));
        awaitOrderStatus(user, buy, "filled");
        awaitPosition(user, account, "NVDA", p -> equal(p, "quantity", "10"));

        String trailing = placeOk(user, order(account, "NVDA", "sell", "10", "trailing_stop", "gtc", "trailAmount", "5"));
        awaitOrderStatus(user, trailing, "accepted");
        tick("NVDA", "102");
        tick("NVDA", "108"); // high-water mark 108: the stop follows to 103
        tick("NVDA", "104"); // above 103: nothing
        awaitOrderStatus(user, trailing, "accepted");
        tick("NVDA", "102.50"); // below 103: triggers, sells at the tick
        JsonNode filled = awaitOrderStatus(user, trailing, "filled");
        assertThat(decimal(filled, "averageFillPrice")).isEqualByComparingTo("102.50");
        JsonNode closed = awaitClosedPositions(user, account, 1);
        assertThat(decimal(closed.get(0), "realizedPnl")).isEqualByComparingTo("25"); // (102.50 - 100) x 10
    }

    @Test
    void partial_fills_sum_to_the_order_and_average_price_and_realized_pnl_follow_a_flip_through_zero() {
        User user = register();
        String account = fundedAccount(user, "100000", true);
        String symbol = "META";
        // 250 shares at most 100 per tick: 100 @ 10, 100 @ 10, then 50 @ 13 after the price moved.
        tick(symbol, "10");
        String big = placeOk(user, order(account, symbol, "buy", "250", "market", "gtc"));
        awaitOrder(user, big, o -> equal(o, "filledQuantity", "100"));
        tick(symbol, "10");
        awaitOrder(user, big, o -> equal(o, "filledQuantity", "200"));
        assertThat(awaitOrderStatus(user, big, "partially_filled")).isNotNull();
        tick(symbol, "13");
        JsonNode filled = awaitOrderStatus(user, big, "filled");
        assertThat(decimal(filled, "averageFillPrice")).isEqualByComparingTo("10.6"); // (2000 + 650) / 250
        var fills = http.get("/api/orders/" + big + "/fills", user.token());
        assertThat(fills.body().get("items").size()).isEqualTo(3);

        // A market order fills at once at the last price. Sell 100 @ 15: realized (15 - 10.6) x 100 = 440; 150 left.
        tick(symbol, "15");
        String sell = placeOk(user, order(account, symbol, "sell", "100", "market", "day"));
        awaitOrderStatus(user, sell, "filled");
        awaitPosition(user, account, symbol, p -> equal(p, "quantity", "150") && equal(p, "realizedPnl", "440"));

        // Sell 200 @ 9, 100 at once and 100 on the next tick: closes the long (realized (9 - 10.6) x 150 = -240) and
        // opens 50 short @ 9.
        tick(symbol, "9");
        String flip = placeOk(user, order(account, symbol, "sell", "200", "market", "gtc"));
        awaitOrder(user, flip, o -> equal(o, "filledQuantity", "100"));
        tick(symbol, "9");
        awaitOrderStatus(user, flip, "filled");
        JsonNode shortPosition = awaitPosition(user, account, symbol, p -> "short".equals(p.get("side").asString()));
        assertThat(decimal(shortPosition, "quantity").abs()).isEqualByComparingTo("50");
        assertThat(decimal(shortPosition, "averageEntryPrice")).isEqualByComparingTo("9");
        JsonNode closed = awaitClosedPositions(user, account, 1);
        assertThat(decimal(closed.get(0), "realizedPnl")).isEqualByComparingTo("200"); // 440 - 240

        // Buy 50 @ 7 closes the short: realized (9 - 7) x 50 = 100.
        tick(symbol, "7");
        String cover = placeOk(user, order(account, symbol, "buy", "50", "market", "day"));
        awaitOrderStatus(user, cover, "filled");
        JsonNode history = awaitClosedPositions(user, account, 2);
        JsonNode closedShort = history.get(0).get("side").asString().equals("short") ? history.get(0) : history.get(1);
        assertThat(closedShort.get("side").asString()).isEqualTo("short");
        assertThat(decimal(closedShort, "realizedPnl")).isEqualByComparingTo("100");
        assertThat(decimal(closedShort, "averageEntryPrice")).isEqualByComparingTo("9");
        var open = http.get("/api/positions/" + account + "/" + symbol, user.token());
        assertThat(open.status()).as(open.toString()).isIn(404, 200);
        if (open.status() == 200) {
            assertThat(decimal(open.body(), "quantity")).isEqualByComparingTo("0");
        }
    }

    @Test
    void ioc_fills_what_it_can_at_once_and_fok_fills_all_or_nothing() {
        User user = register();
        String account = fundedAccount(user, "100000", false);
        tick("TSLA", "20");

        String ioc = placeOk(user, order(account, "TSLA", "buy", "250", "market", "ioc"));
        JsonNode iocDone = awaitOrderStatus(user, ioc, "canceled");
        assertThat(decimal(iocDone, "filledQuantity")).isEqualByComparingTo("100");

        String fokTooBig = placeOk(user, order(account, "TSLA", "buy", "250", "market", "fok"));
        JsonNode none = awaitOrderStatus(user, fokTooBig, "canceled");
        assertThat(decimal(none, "filledQuantity")).isEqualByComparingTo("0");

        String fok = placeOk(user, order(account, "TSLA", "buy", "80", "market", "fok"));
        assertThat(decimal(awaitOrderStatus(user, fok, "filled"), "filledQuantity")).isEqualByComparingTo("80");
        awaitPosition(user, account, "TSLA", p -> equal(p, "quantity", "180"));
        // Nothing stays reserved for orders that are over.
        awaitAccount(user, account, a -> equal(a, "reservedCash", "0"));
    }

    @Test
    void the_same_client_order_id_twice_places_one_order() {
        User user = register();
        String account = fundedAccount(user, "10000", false);
        tick("SPY", "400");
        var body = order(account, "SPY", "buy", "1", "limit", "gtc", "limitPrice", "300", "clientOrderId", "my-order-1");

        var first = place(user, body);
        var second = place(user, body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.text("code")).isEqualTo("client-order-id-in-use");
        String orderId = idOf(first, "order-");
        awaitOrderStatus(user, orderId, "accepted");
        JsonNode orders = awaitJson("/api/orders?accountId=" + account, user, page -> page.toString().contains(orderId));
        assertThat(orders.get("items").size()).isEqualTo(1);
        assertThat(orders.get("items").get(0).get("clientOrderId").asString()).isEqualTo("my-order-1");
    }

    @Test
    void bad_orders_are_refused_with_a_reason_and_nothing_is_written() {
        User user = register();
        User other = register();
        String account = fundedAccount(user, "1000", false);
        String othersAccount = fundedAccount(other, "1000", false);
        long before = orderEventsOf(account) + orderEventsOf(othersAccount);

        assertRefused(place(user, order(account, "AAPL", "buy", "0", "market", "day")), 400);
        assertRefused(place(user, order(account, "AAPL", "buy", "-5", "market", "day")), 400);
        assertRefused(place(user, order(account, "NOPE", "buy", "1", "market", "day")), 422, "unknown-symbol");
        assertRefused(place(user, order(account, "AAPL", "buy", "1", "limit", "day")), 400);
        assertRefused(place(user, order(othersAccount, "AAPL", "buy", "1", "market", "day")), 404, "account-not-found");
        assertRefused(http.post("/api/orders/place", user.token(), "{not json"), 400);

        assertThat(orderEventsOf(account) + orderEventsOf(othersAccount)).isEqualTo(before);
    }

    private static void assertRefused(TestHttp.Response response, int status, String... code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type").orElse("")).contains("problem+json");
        if (code.length > 0) {
            assertThat(response.text("code")).isEqualTo(code[0]);
        }
    }
}
