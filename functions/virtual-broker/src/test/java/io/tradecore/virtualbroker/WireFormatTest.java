package io.tradecore.virtualbroker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.json.SingleValueModule;
import io.tradecore.virtualbroker.domain.BrokerOrders;
import io.tradecore.virtualbroker.domain.MatchingRules;
import io.tradecore.virtualbroker.domain.OrderCommand.MatchTick;
import io.tradecore.virtualbroker.domain.OrderCommand.ReceiveOrder;
import io.tradecore.virtualbroker.domain.OrderEvent;
import io.tradecore.virtualbroker.domain.OrderId;
import io.tradecore.virtualbroker.domain.OrderState;
import io.tradecore.virtualbroker.domain.OrderTerms;
import io.tradecore.virtualbroker.domain.OrderType;
import io.tradecore.virtualbroker.domain.Side;
import io.tradecore.virtualbroker.domain.Symbol;
import io.tradecore.virtualbroker.domain.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Events and snapshots carry TRADING.md's lower-case names, and read back into the same values. */
class WireFormatTest {

    private final JsonMapper json = JsonMapper.builder().addModule(new SingleValueModule()).addModule(new WireEnums())
            .build();

    @Test
    void events_use_the_contract_spellings_and_a_working_order_snapshot_reads_back_equal() {
        OrderTerms terms = new OrderTerms(new OrderId(UUID.randomUUID()), UUID.randomUUID(), "u", "c-1",
                new Symbol("AAPL"), Side.SELL, new BigDecimal("3"), OrderType.TRAILING_STOP, null, null, null,
                new BigDecimal("1.5"), TimeInForce.GTC);
        Instant at = Instant.parse("2026-01-05T15:00:00Z");
        var decider = BrokerOrders.decider(MatchingRules.FRICTIONLESS);
        List<OrderEvent> events = decider.decide().apply(
                new ReceiveOrder(terms, new BigDecimal("100"), 4L, null, UUID.randomUUID(), at), decider.initialState());
        OrderState working = decider.fold(decider.initialState(), events);

        String received = json.writeValueAsString(events.getFirst());
        assertThat(received).contains("\"side\":\"sell\"", "\"type\":\"trailing_stop\"", "\"timeInForce\":\"gtc\"",
                "\"symbol\":\"AAPL\"");
        assertThat(json.readValue(received, OrderEvent.OrderReceived.class)).isEqualTo(events.getFirst());
        OrderState restored = json.readValue(json.writeValueAsString(working), OrderState.Working.class);
        assertThat(restored).isEqualTo(working);
        assertThat(decider.decide().apply(new MatchTick(terms.orderId(), new BigDecimal("100"), 4, UUID.randomUUID(), at),
                restored)).isEmpty();
    }
}
