package io.tradecore.position;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PriceAndAccessIT extends PositionIT {

    @Test
    void a_price_tick_values_longs_and_shorts_at_the_last_price() {
        Trader longer = trader();
        Trader shorter = trader();
        String acme = symbol();
        deliver(filled(longer, acme, "buy", "10", "100"), filled(shorter, acme, "sell", "5", "100"));
        eventually(positionPath(longer, acme), longer.token(), showing("quantity", "10"));
        eventually(positionPath(shorter, acme), shorter.token(), showing("quantity", "5"));

        projectPositions.accept(List.of(ticked(acme, 1, "110")));
        JsonNode up = http.get(positionPath(longer, acme), longer.token()).body();
        assertThat(decimal(up, "lastPrice")).isEqualByComparingTo("110");
        assertThat(decimal(up, "marketValue")).isEqualByComparingTo("1100");
        assertThat(decimal(up, "unrealizedPnl")).isEqualByComparingTo("100");
        JsonNode against = http.get(positionPath(shorter, acme), shorter.token()).body();
        assertThat(decimal(against, "marketValue")).isEqualByComparingTo("-550");
        assertThat(decimal(against, "unrealizedPnl")).isEqualByComparingTo("-50");

        byte[] down = ticked(acme, 2, "95.5");
        projectPositions.accept(List.of(down, down));
        projectPositions.accept(List.of(down));
        assertThat(decimal(http.get(positionPath(longer, acme), longer.token()).body(), "unrealizedPnl"))
                .isEqualByComparingTo("-45");
        assertThat(jdbc.sql("SELECT sequence FROM position_prices WHERE symbol = ?").param(acme)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void a_position_is_its_owners_and_administrators_only() {
        Trader owner = trader();
        Trader other = trader();
        String acme = symbol();
        deliver(filled(owner, acme, "buy", "7", "3"));
        // read-your-writes: the stream's first version is the opening fill; the gateway waits for the projector
        var mine = http.get(positionPath(owner, acme), owner.token(),
                "X-Consistency-Token", streamOf(owner, acme) + "@1");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(decimal(mine.body(), "quantity")).isEqualByComparingTo("7");

        assertThat(http.get(positionPath(owner, acme), other.token()).status()).isEqualTo(404);
        assertThat(http.get(positionPath(owner, acme), null).status()).isEqualTo(401);
        assertThat(symbols(http.get("/api/positions", other.token()).body())).doesNotContain(acme);
        assertThat(symbols(http.get("/api/positions?accountId=" + owner.accountId(), other.token()).body())).isEmpty();
        assertThat(symbols(http.get("/api/positions", owner.token()).body())).containsExactly(acme);
        assertThat(http.get(positionPath(owner, acme), adminToken()).status()).isEqualTo(200);
        assertThat(symbols(http.get("/api/positions?accountId=" + owner.accountId(), adminToken()).body()))
                .containsExactly(acme);
        assertThat(http.get("/api/positions/" + owner.accountId() + "/NOSUCH", owner.token()).status()).isEqualTo(404);
        assertThat(http.get("/api/positions?accountId=not-a-uuid", owner.token()).status()).isEqualTo(400);
    }

    private static List<String> symbols(JsonNode list) {
        return list.get("items").valueStream().map(item -> item.get("symbol").asString()).toList();
    }
}
