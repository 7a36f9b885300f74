package io.tradecore.position;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PositionFlowIT extends PositionIT {

    @Test
    void fills_net_into_a_position_that_closes_flips_and_keeps_its_history() {
        Trader ada = trader();
        String acme = symbol();
        String path = positionPath(ada, acme);

        deliver(filled(ada, acme, "buy", "100", "10"), filled(ada, acme, "buy", "50", "13"),
                filled(ada, acme, "sell", "30", "15"));
        JsonNode reduced = eventually(path, ada.token(), showing("realizedPnl", "120")).body();
        assertThat(reduced.get("side").asString()).isEqualTo("long");
        assertThat(decimal(reduced, "quantity")).isEqualByComparingTo("120");
        assertThat(decimal(reduced, "averageEntryPrice")).isEqualByComparingTo("11");
        assertThat(decimal(reduced, "costBasis")).isEqualByComparingTo("1320");
        assertThat(reduced.get("lastPrice").isNull()).isTrue();

        deliver(filled(ada, acme, "sell", "120", "9"));
        String closedPath = "/api/positions/closed?accountId=" + ada.accountId();
        JsonNode firstLife = eventually(closedPath, ada.token(), r -> r.body().get("items").size() == 1)
                .body().get("items").get(0);
        assertThat(firstLife.get("side").asString()).isEqualTo("long");
        assertThat(decimal(firstLife, "maxQuantity")).isEqualByComparingTo("150");
        assertThat(decimal(firstLife, "averageEntryPrice")).isEqualByComparingTo("11");
        assertThat(decimal(firstLife, "exitPrice")).isEqualByComparingTo("9");
        assertThat(decimal(firstLife, "realizedPnl")).isEqualByComparingTo("-120");
        assertThat(http.get(path, ada.token()).status()).isEqualTo(404);

        deliver(filled(ada, acme, "sell", "40", "8"));
        JsonNode shortPosition = eventually(path, ada.token(), showing("quantity", "40")).body();
        assertThat(shortPosition.get("side").asString()).isEqualTo("short");
        assertThat(decimal(shortPosition, "averageEntryPrice")).isEqualByComparingTo("8");
        assertThat(decimal(shortPosition, "realizedPnl")).isEqualByComparingTo("0");

        deliver(filled(ada, acme, "buy", "60", "7"));
        JsonNode flipped = eventually(path, ada.token(), r -> r.status() == 200
                && r.body().get("side").asString().equals("long")).body();
        assertThat(decimal(flipped, "quantity")).isEqualByComparingTo("20");
        assertThat(decimal(flipped, "averageEntryPrice")).isEqualByComparingTo("7");
        assertThat(decimal(flipped, "costBasis")).isEqualByComparingTo("140");
        assertThat(decimal(flipped, "realizedPnl")).isEqualByComparingTo("0");
        JsonNode history = http.get(closedPath, ada.token()).body().get("items");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("side").asString()).isEqualTo("short");
        assertThat(decimal(history.get(0), "maxQuantity")).isEqualByComparingTo("40");
        assertThat(decimal(history.get(0), "realizedPnl")).isEqualByComparingTo("40");

        String stream = streamOf(ada, acme);
        assertThat(jdbc.sql("SELECT event_type FROM event_store_events WHERE stream_id = ? ORDER BY version")
                .param(stream).query(String.class).list()).containsExactly("position.opened", "position.increased",
                "position.reduced", "position.closed", "position.opened", "position.closed", "position.opened");
        assertThat(jdbc.sql("""
                        SELECT payload->>'side' FROM event_store_events WHERE stream_id = ? AND version = 5""")
                .param(stream).query(String.class).single()).isEqualTo("short");
    }

    @Test
    void the_same_fill_delivered_twice_has_one_effect() {
        Trader bob = trader();
        String acme = symbol();
        byte[] fill = filled(bob, acme, UUID.randomUUID().toString(), UUID.randomUUID().toString(), "buy", "10", "5");
        deliver(fill, fill);
        deliver(fill);
        eventually(positionPath(bob, acme), bob.token(), showing("quantity", "10"));
        assertThat(eventsIn(streamOf(bob, acme))).isEqualTo(1);
    }

    @Test
    void a_fill_already_applied_arriving_as_a_new_event_changes_nothing() {
        Trader bob = trader();
        String acme = symbol();
        String fillId = UUID.randomUUID().toString();
        String orderId = UUID.randomUUID().toString();
        deliver(filled(bob, acme, fillId, orderId, "sell", "3", "20"));
        deliver(filled(bob, acme, fillId, orderId, "sell", "3", "20")); // same fill, another event id
        deliver(filled(bob, acme, "buy", "1", "18"));
        JsonNode position = eventually(positionPath(bob, acme), bob.token(), showing("realizedPnl", "2")).body();
        assertThat(decimal(position, "quantity")).isEqualByComparingTo("2");
        assertThat(eventsIn(streamOf(bob, acme))).isEqualTo(2);
    }
}
