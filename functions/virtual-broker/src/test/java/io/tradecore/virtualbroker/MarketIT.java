package io.tradecore.virtualbroker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The price feed over HTTP: administrators post ticks, every signed-in user reads instruments and last prices. */
class MarketIT extends VirtualBrokerIT {

    @Test
    void a_tick_is_numbered_in_its_symbol_stream_and_shown_as_the_last_price() {
        var first = tick("msft", "420.5");
        assertThat(first.status()).as(first.toString()).isIn(200, 201);
        var second = tick("MSFT", "421.25");
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        long version = second.body().get("version").asLong();
        assertThat(payloadField("vb-symbol-MSFT", "virtual-broker.price-ticked", "symbol")).isEqualTo("MSFT");
        assertThat(jdbc.sql("SELECT payload ->> 'sequence' FROM event_store_events WHERE stream_id = 'vb-symbol-MSFT' AND version = ?")
                .param(version).query(String.class).single()).isEqualTo(Long.toString(version));

        var read = http.get("/api/market/instruments/MSFT", userToken());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.text("name")).isEqualTo("Microsoft Corporation");
        assertThat(read.body().get("lastPrice").decimalValue()).isEqualByComparingTo("421.25");
        assertThat(read.text("lastTickAt")).isNotBlank();
    }

    @Test
    void every_signed_in_user_lists_the_instruments_and_an_unknown_one_is_not_found() {
        var list = http.get("/api/market/instruments", userToken());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> symbols = new ArrayList<>();
        list.body().get("items").forEach(item -> symbols.add(item.get("symbol").asString()));
        assertThat(symbols).contains("AAPL", "MSFT", "NVDA", "SPY", "QQQ").hasSizeGreaterThanOrEqualTo(12);

        var unknown = http.get("/api/market/instruments/ZZZZ", userToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("instrument-not-found");
        assertThat(http.get("/api/market/instruments/1BAD", userToken()).status()).isEqualTo(400);
        assertThat(http.get("/api/market/instruments", null).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown symbol        | {"symbol":"ZZZZ","price":10}         | 422 | unknown-symbol
            zero price            | {"symbol":"QQQ","price":0}           | 400 | invalid-price
            negative price        | {"symbol":"QQQ","price":-5}          | 400 | invalid-price
            too many decimals     | {"symbol":"QQQ","price":1.123456}    | 400 | invalid-price
            price as text         | {"symbol":"QQQ","price":"ten"}       | 400 | invalid-price
            missing symbol        | {"price":10}                         | 400 | invalid-symbol
            malformed symbol      | {"symbol":"Q Q","price":10}          | 400 | invalid-symbol
            unknown field         | {"symbol":"QQQ","price":10,"x":1}    | 400 | invalid-x
            """)
    void a_bad_tick_is_refused_and_writes_nothing(String why, String body, int status, String code) {
        long before = tickEvents();
        var answer = http.post("/api/market/ticks", adminToken(), body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.text("code")).isEqualTo(code);
        assertThat(tickEvents()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM vb_last_prices WHERE symbol = 'QQQ'").query(Long.class).single()).isZero();
    }

    @Test
    void only_administrators_post_ticks() {
        long before = tickEvents();
        var user = http.post("/api/market/ticks", userToken(), "{\"symbol\":\"QQQ\",\"price\":470}");
        assertThat(user.status()).as(user.toString()).isEqualTo(403);
        var anonymous = http.post("/api/market/ticks", null, "{\"symbol\":\"QQQ\",\"price\":470}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(tickEvents()).isEqualTo(before);
    }

    /** Only the feed's streams: other tests' orders may still be settling in the background. */
    private long tickEvents() {
        return jdbc.sql("SELECT count(*) FROM event_store_events WHERE stream_id LIKE 'vb-symbol-%'").query(Long.class).single();
    }
}
