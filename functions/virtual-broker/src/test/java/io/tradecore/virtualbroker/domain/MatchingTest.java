package io.tradecore.virtualbroker.domain;

import static io.tradecore.virtualbroker.domain.BrokerOrdersTest.ACCOUNT;
import static io.tradecore.virtualbroker.domain.BrokerOrdersTest.AAPL;
import static io.tradecore.virtualbroker.domain.BrokerOrdersTest.ORDER;
import static io.tradecore.virtualbroker.domain.BrokerOrdersTest.T0;
import static io.tradecore.virtualbroker.domain.BrokerOrdersTest.USER;
import static io.tradecore.virtualbroker.domain.BrokerOrdersTest.d;
import static io.tradecore.virtualbroker.domain.BrokerOrdersTest.filled;
import static io.tradecore.virtualbroker.domain.BrokerOrdersTest.received;
import static io.tradecore.virtualbroker.domain.BrokerOrdersTest.terms;
import static io.tradecore.virtualbroker.domain.BrokerOrdersTest.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.testing.DeciderSpec;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderFilled;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderTriggered;
import io.tradecore.virtualbroker.domain.OrderEvent.StopAdjusted;
import io.tradecore.virtualbroker.domain.OrderState.Closed;
import io.tradecore.virtualbroker.domain.OrderState.Phase;
import io.tradecore.virtualbroker.domain.OrderState.Working;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matching rules: what a price does to each order type. */
class MatchingTest {

    static DeciderSpec<OrderCommand, OrderState, OrderEvent> spec() {
        return BrokerOrdersTest.spec();
    }

    static OrderTriggered triggered(String price, long sequence) {
        return new OrderTriggered(ORDER, ACCOUNT, USER, d(price), sequence, T0);
    }

    static StopAdjusted adjusted(String stop, String mark, long sequence) {
        return new StopAdjusted(ORDER, ACCOUNT, USER, d(stop), d(mark), sequence, T0);
    }

    static OrderTerms trailing(Side side, String amount, String percent) {
        return new OrderTerms(ORDER, ACCOUNT, USER, "client-1", AAPL, side, d("10"), OrderType.TRAILING_STOP, null, null,
                amount == null ? null : d(amount), percent == null ? null : d(percent), TimeInForce.GTC);
    }

    @Test
    void a_limit_buy_fills_only_when_the_price_crosses_it_and_at_the_tick_price() {
        OrderTerms buy = terms(OrderType.LIMIT, Side.BUY, "10", "100", null, TimeInForce.GTC);
        spec().given(received(buy)).when(tick("100.01", 1)).thenNothingHappens();
        spec().given(received(buy)).when(tick("100", 1)).then(filled(buy, "10", "100.0000", "0", 1));
        spec().given(received(buy)).when(tick("99.5", 1)).then(filled(buy, "10", "99.5000", "0", 1));
    }

    @Test
    void a_limit_sell_fills_at_or_above_its_limit() {
        OrderTerms sell = terms(OrderType.LIMIT, Side.SELL, "10", "100", null, TimeInForce.GTC);
        spec().given(received(sell)).when(tick("99.99", 1)).thenNothingHappens();
        spec().given(received(sell)).when(tick("100.4", 1)).then(filled(sell, "10", "100.4000", "0", 1));
    }

    @Test
    void a_market_fill_pays_the_slippage_on_a_buy_and_gives_it_up_on_a_sell() {
        MatchingRules rules = new MatchingRules(d("10"), null, null, null);
        assertThat(rules.marketFill(Side.BUY, d("100"))).isEqualByComparingTo("100.10");
        assertThat(rules.marketFill(Side.SELL, d("100"))).isEqualByComparingTo("99.90");
        assertThat(rules.marketFill(Side.BUY, d("123.4567")).scale()).isEqualTo(4);
    }

    @Test
    void commission_is_per_share_with_a_minimum_and_free_by_default() {
        MatchingRules rules = new MatchingRules(null, d("0.005"), d("1.00"), null);
        assertThat(rules.commission(d("100"))).isEqualByComparingTo("1.00");
        assertThat(rules.commission(d("1000"))).isEqualByComparingTo("5.00");
        assertThat(MatchingRules.FRICTIONLESS.commission(d("1000"))).isEqualByComparingTo("0");
    }

    @Test
    void a_buy_stop_triggers_when_the_price_reaches_it_then_fills_as_a_market_order() {
        OrderTerms stop = terms(OrderType.STOP, Side.BUY, "10", null, "105", TimeInForce.GTC);
        spec().given(received(stop)).when(tick("104.99", 1)).thenNothingHappens();
        spec().given(received(stop)).when(tick("105.5", 2))
                .then(triggered("105.5", 2), filled(stop, "10", "105.5000", "0", 2));
    }

    @Test
    void a_sell_stop_triggers_at_or_below_its_stop() {
        OrderTerms stop = terms(OrderType.STOP, Side.SELL, "10", null, "95", TimeInForce.GTC);
        spec().given(received(stop)).when(tick("95.01", 1)).thenNothingHappens();
        spec().given(received(stop)).when(tick("95", 1)).then(triggered("95", 1), filled(stop, "10", "95.0000", "0", 1));
    }

    @Test
    void a_stop_limit_triggers_then_waits_for_its_limit() {
        OrderTerms stopLimit = terms(OrderType.STOP_LIMIT, Side.SELL, "10", "94.5", "95", TimeInForce.GTC);
        spec().given(received(stopLimit)).when(tick("94", 1)).then(triggered("94", 1));
        spec().given(received(stopLimit), triggered("94", 1)).when(tick("94.4", 2)).thenNothingHappens();
        spec().given(received(stopLimit), triggered("94", 1)).when(tick("94.6", 3))
                .then(filled(stopLimit, "10", "94.6000", "0", 3));
        Working working = (Working) spec().given(received(stopLimit), triggered("94", 1)).state();
        assertThat(working.phase()).isEqualTo(Phase.LIMIT);
    }

    @Test
    void a_trailing_sell_stop_follows_the_high_water_mark_then_triggers() {
        OrderTerms trail = trailing(Side.SELL, "2", null);
        spec().given(received(trail)).when(tick("100", 1)).then(adjusted("98.0000", "100", 1));
        OrderEvent[] history = {received(trail), adjusted("98.0000", "100", 1)};
        spec().given(history).when(tick("103", 2)).then(adjusted("101.0000", "103", 2));
        OrderEvent[] higher = {received(trail), adjusted("98.0000", "100", 1), adjusted("101.0000", "103", 2)};
        spec().given(higher).when(tick("102", 3)).thenNothingHappens();
        spec().given(higher).when(tick("100.9", 4))
                .then(triggered("100.9", 4), filled(trail, "10", "100.9000", "0", 4));
    }

    @Test
    void a_trailing_buy_stop_follows_the_low_water_mark_by_a_percentage() {
        OrderTerms trail = trailing(Side.BUY, null, "5");
        spec().given(received(trail)).when(tick("100", 1)).then(adjusted("105.0000", "100", 1));
        OrderEvent[] lower = {received(trail), adjusted("105.0000", "100", 1)};
        spec().given(lower).when(tick("90", 2)).then(adjusted("94.5000", "90", 2));
        OrderEvent[] lowest = {received(trail), adjusted("105.0000", "100", 1), adjusted("94.5000", "90", 2)};
        spec().given(lowest).when(tick("94", 3)).thenNothingHappens();
        spec().given(lowest).when(tick("94.5", 4)).then(triggered("94.5", 4), filled(trail, "10", "94.5000", "0", 4));
    }

    @Test
    void partial_fills_of_at_most_the_per_tick_quantity_sum_to_the_order() {
        OrderTerms buy = BrokerOrdersTest.market(Side.BUY, "10", TimeInForce.GTC);
        var decider = BrokerOrders.decider(new MatchingRules(null, null, null, d("4")));
        List<OrderEvent> history = new ArrayList<>(List.of(received(buy)));
        for (long sequence = 1; sequence <= 4; sequence++) {
            OrderState state = decider.fold(decider.initialState(), history);
            history.addAll(decider.decide().apply(tick("100", sequence), state));
        }
        List<OrderFilled> fills = history.stream().filter(OrderFilled.class::isInstance).map(OrderFilled.class::cast).toList();
        assertThat(fills).extracting(OrderFilled::quantity).containsExactly(d("4"), d("4"), d("2"));
        assertThat(fills).extracting(OrderFilled::leavesQuantity).containsExactly(d("6"), d("2"), d("0"));
        assertThat(fills.stream().map(OrderFilled::quantity).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("10");
        assertThat(decider.fold(decider.initialState(), history)).isEqualTo(new Closed(ORDER, "filled"));
    }

    @Test
    void a_day_order_lives_until_the_next_session_close_on_a_weekday() {
        Session session = new Session(LocalTime.of(16, 0), ZoneId.of("America/New_York"));
        assertThat(session.nextCloseAfter(T0)).isEqualTo(Instant.parse("2025-03-03T21:00:00Z"));
        assertThat(session.nextCloseAfter(Instant.parse("2025-03-03T21:00:00Z")))
                .isEqualTo(Instant.parse("2025-03-04T21:00:00Z"));
        // Friday evening → Monday's close, which is after the switch to daylight time (20:00 UTC).
        assertThat(session.nextCloseAfter(Instant.parse("2025-03-07T22:00:00Z")))
                .isEqualTo(Instant.parse("2025-03-10T20:00:00Z"));
    }

    @Test
    void a_holding_averages_its_entries_keeps_them_on_reductions_and_turns_through_zero() {
        Holding holding = Holding.NONE.after(Side.BUY, d("10"), d("100")).after(Side.BUY, d("10"), d("110"));
        assertThat(holding.quantity()).isEqualByComparingTo("20");
        assertThat(holding.averageEntryPrice()).isEqualByComparingTo("105");
        holding = holding.after(Side.SELL, d("5"), d("120"));
        assertThat(holding.averageEntryPrice()).isEqualByComparingTo("105");
        holding = holding.after(Side.SELL, d("25"), d("120"));
        assertThat(holding.quantity()).isEqualByComparingTo("-10");
        assertThat(holding.averageEntryPrice()).isEqualByComparingTo("120");
        assertThat(holding.after(Side.BUY, d("10"), d("1"))).isEqualTo(Holding.NONE);
    }

    @Test
    void a_symbol_feed_numbers_its_ticks_from_one() {
        var tick = new RecordTick(AAPL, d("190.5"), T0);
        DeciderSpec.of(PriceFeed.DECIDER).given().when(tick)
                .then(new FeedEvent.PriceTicked(AAPL, d("190.5"), 1, T0));
        DeciderSpec.of(PriceFeed.DECIDER).given(new FeedEvent.PriceTicked(AAPL, d("190"), 1, T0)).when(tick)
                .then(new FeedEvent.PriceTicked(AAPL, d("190.5"), 2, T0));
        BrokerOrdersTest.assertInvalid(() -> new RecordTick(AAPL, d("0"), T0), "invalid-price");
        BrokerOrdersTest.assertInvalid(() -> new RecordTick(AAPL, d("-1"), T0), "invalid-price");
    }
}
