package io.tradecore.position;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Executions of a connected broker, brought in by the data-sync worker ({@code sync.fill-imported}). */
class SyncedFillsIT extends PositionIT {

    @Autowired
    @Qualifier("importSyncedFills")
    Consumer<List<byte[]>> importSyncedFills;

    static byte[] imported(Trader trader, long version, String fillId, String symbol, String side, String quantity,
                           String price) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("accountId", trader.accountId());
        payload.put("userId", trader.userId());
        payload.put("runId", UUID.randomUUID().toString());
        payload.put("fillId", fillId);
        payload.put("brokerOrderId", "b-" + fillId);
        payload.put("symbol", symbol);
        payload.put("side", side);
        payload.put("quantity", new BigDecimal(quantity));
        payload.put("price", new BigDecimal(price));
        payload.put("executedAt", "2026-03-02T14:30:00Z");
        payload.put("at", Instant.now().toString());
        return envelope("sync-" + trader.accountId(), version, "sync.fill-imported", trader.userId(), payload);
    }

    @Test
    void imported_broker_fills_net_into_positions_once_per_broker_fill_id() {
        Trader carol = trader();
        String acme = symbol();

        importSyncedFills.accept(List.of(imported(carol, 3, "f-1", acme, "buy", "10", "100.123456"),
                imported(carol, 4, "f-2", acme, "sell", "4", "110")));
        importSyncedFills.accept(List.of(imported(carol, 9, "f-1", acme, "buy", "10", "100.123456"))); // a second sync

        JsonNode position = eventually(positionPath(carol, acme), carol.token(), showing("quantity", "6")).body();
        assertThat(decimal(position, "averageEntryPrice")).isEqualByComparingTo("100.1235");
        assertThat(decimal(position, "realizedPnl")).isEqualByComparingTo("39.51");
        assertThat(eventsIn(streamOf(carol, acme))).isEqualTo(2);
    }
}
