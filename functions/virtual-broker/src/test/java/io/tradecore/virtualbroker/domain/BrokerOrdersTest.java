package io.tradecore.virtualbroker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.testing.DeciderSpec;
import io.tradecore.virtualbroker.domain.OrderCommand.CancelOrder;
import io.tradecore.virtualbroker.domain.OrderCommand.ExpireOrder;
import io.tradecore.virtualbroker.domain.OrderCommand.MatchTick;
import io.tradecore.virtualbroker.domain.OrderCommand.ReceiveOrder;
import io.tradecore.virtualbroker.domain.OrderCommand.RejectOrder;
import io.tradecore.virtualbroker.domain.OrderCommand.ReplaceOrder;
import io.tradecore.virtualbroker.domain.OrderEvent.CancelNoted;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderCanceled;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderExpired;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderFilled;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderReceived;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderRejected;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderReplaced;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderTriggered;
import io.tradecore.virtualbroker.domain.OrderEvent.StopAdjusted;
import io.tradecore.virtualbroker.domain.OrderState.Closed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order lifecycle at the broker: receipt, cancels and replaces in either order, expiry, redelivery. */
class BrokerOrdersTest {

    static final OrderId ORDER = new OrderId(UUID.fromString("0195a000-0000-7000-8000-000000000001"));
    static final UUID ACCOUNT = UUID.fromString("0195a000-0000-7000-8000-0000000000aa");
    static final UUID NEW_ORDER = UUID.fromString("0195a000-0000-7000-8000-000000000002");
    static final UUID FILL = UUID.fromString("0195a000-0000-7000-8000-0000000000f1");
    static final String USER = "0195a000-0000-7000-8000-0000000000bb";
    static final Symbol AAPL = new Symbol("AAPL");
    /** Monday 3 March 2025, 10:00 in New York (EST). */
    static final Instant T0 = Instant.parse("2025-03-03T15:00:00Z");
    static final Instant CLOSE = Instant.parse("2025-03-03T21:00:00Z");

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static OrderTerms terms(OrderType type, Side side, String quantity, String limit, String stop, TimeInForce tif) {
        return new OrderTerms(ORDER, ACCOUNT, USER, "client-1", AAPL, side, d(quantity), type,
                limit == null ? null : d(limit), stop == null ? null : d(stop), null, null, tif);
    }

    static OrderTerms market(Side side, String quantity, TimeInForce tif) {
        return terms(OrderType.MARKET, side, quantity, null, null, tif);
    }

    static OrderReceived received(OrderTerms terms) {
        return OrderReceived.of(terms, terms.timeInForce() == TimeInForce.DAY ? CLOSE : null, T0);
    }

    static ReceiveOrder receive(OrderTerms terms, String lastPrice, Long sequence) {
        return new ReceiveOrder(terms, lastPrice == null ? null : d(lastPrice), sequence,
                terms.timeInForce() == TimeInForce.DAY ? CLOSE : null, FILL, T0);
    }

    static MatchTick tick(String price, long sequence) {
        return new MatchTick(ORDER, d(price), sequence, FILL, T0);
    }

    static OrderFilled filled(OrderTerms t, String quantity, String price, String leaves, long sequence) {
        return new OrderFilled(ORDER, ACCOUNT, USER, FILL, AAPL, t.side(), d(quantity), d(price), d("0.00"), d(leaves),
                sequence, T0);
    }

    static OrderCanceled canceled(CancelReason reason, String leaves) {
        return new OrderCanceled(ORDER, ACCOUNT, USER, reason, d(leaves), T0);
    }

    static DeciderSpec<OrderCommand, OrderState, OrderEvent> spec() {
        return DeciderSpec.of(BrokerOrders.decider(MatchingRules.FRICTIONLESS));
    }

    @Test
    void a_marketable_order_fills_at_once_against_the_last_price() {
        OrderTerms buy = market(Side.BUY, "10", TimeInForce.GTC);
        spec().given().when(receive(buy, "100", 7L)).then(received(buy), filled(buy, "10", "100.0000", "0", 7));
    }

    @Test
    void a_market_order_without_a_last_price_waits_for_the_first_tick() {
        OrderTerms buy = market(Side.BUY, "10", TimeInForce.GTC);
        spec().given().when(receive(buy, null, null)).then(received(buy));
        spec().given(received(buy)).when(tick("101.25", 1)).then(filled(buy, "10", "101.2500", "0", 1));
    }

    @Test
    void a_day_order_expires_at_the_session_close_and_a_gtc_order_does_not() {
        OrderTerms day = market(Side.BUY, "10", TimeInForce.DAY);
        spec().given(received(day)).when(new ExpireOrder(ORDER, CLOSE.minusSeconds(1))).thenNothingHappens();
        spec().given(received(day)).when(new ExpireOrder(ORDER, CLOSE))
                .then(new OrderExpired(ORDER, ACCOUNT, USER, d("10"), CLOSE));
        OrderTerms gtc = market(Side.BUY, "10", TimeInForce.GTC);
        spec().given(received(gtc)).when(new ExpireOrder(ORDER, CLOSE.plusSeconds(86_400 * 30))).thenNothingHappens();
    }

    @Test
    void ioc_fills_what_it_can_on_receipt_and_cancels_the_rest() {
        OrderTerms ioc = market(Side.BUY, "10", TimeInForce.IOC);
        DeciderSpec.of(BrokerOrders.decider(new MatchingRules(null, null, null, d("4"))))
                .given().when(receive(ioc, "100", 3L))
                .then(received(ioc), filled(ioc, "4", "100.0000", "6", 3), canceled(CancelReason.IOC, "6"));
        OrderTerms limit = terms(OrderType.LIMIT, Side.BUY, "10", "99", null, TimeInForce.IOC);
        spec().given().when(receive(limit, "100", 3L)).then(received(limit), canceled(CancelReason.IOC, "10"));
        spec().given().when(receive(ioc, null, null)).then(received(ioc), canceled(CancelReason.IOC, "10"));
    }

    @Test
    void fok_fills_the_whole_order_at_once_or_cancels_all_of_it() {
        OrderTerms fok = market(Side.SELL, "10", TimeInForce.FOK);
        spec().given().when(receive(fok, "100", 3L)).then(received(fok), filled(fok, "10", "100.0000", "0", 3));
        DeciderSpec.of(BrokerOrders.decider(new MatchingRules(null, null, null, d("4"))))
                .given().when(receive(fok, "100", 3L)).then(received(fok), canceled(CancelReason.FOK, "10"));
        spec().given().when(receive(fok, null, null)).then(received(fok), canceled(CancelReason.FOK, "10"));
    }

    @Test
    void a_cancel_after_the_fill_changes_nothing_and_a_fill_after_the_cancel_cannot_happen() {
        OrderTerms buy = market(Side.BUY, "10", TimeInForce.GTC);
        spec().given(received(buy), filled(buy, "10", "100", "0", 1))
                .when(new CancelOrder(ORDER, ACCOUNT, USER, T0)).thenNothingHappens();
        spec().given(received(buy)).when(new CancelOrder(ORDER, ACCOUNT, USER, T0))
                .then(canceled(CancelReason.REQUESTED, "10"));
        spec().given(received(buy), canceled(CancelReason.REQUESTED, "10")).when(tick("100", 1)).thenNothingHappens();
    }

    @Test
    void a_cancel_of_a_partly_filled_order_cancels_what_is_left() {
        OrderTerms buy = market(Side.BUY, "10", TimeInForce.GTC);
        spec().given(received(buy), filled(buy, "4", "100", "6", 1)).when(new CancelOrder(ORDER, ACCOUNT, USER, T0))
                .then(canceled(CancelReason.REQUESTED, "6"));
    }

    @Test
    void a_cancel_that_overtakes_the_order_leaves_a_tombstone_that_ends_it_on_arrival() {
        OrderTerms buy = market(Side.BUY, "10", TimeInForce.GTC);
        CancelNoted noted = new CancelNoted(ORDER, ACCOUNT, USER, null, T0);
        spec().given().when(new CancelOrder(ORDER, ACCOUNT, USER, T0)).then(noted);
        spec().given(noted).when(receive(buy, "100", 1L)).then(received(buy),
                canceled(CancelReason.REQUESTED, "10"));
        spec().given(noted).when(new CancelOrder(ORDER, ACCOUNT, USER, T0)).thenNothingHappens();
        assertThat(spec().given(noted, received(buy), canceled(CancelReason.REQUESTED, "10")).state())
                .isEqualTo(new Closed(ORDER, "canceled"));
    }

    @Test
    void a_replace_cancels_the_rest_and_names_the_new_order_whichever_arrives_first() {
        OrderTerms buy = terms(OrderType.LIMIT, Side.BUY, "10", "90", null, TimeInForce.GTC);
        spec().given(received(buy), filled(buy, "3", "90", "7", 1))
                .when(new ReplaceOrder(ORDER, ACCOUNT, USER, NEW_ORDER, T0))
                .then(new OrderReplaced(ORDER, ACCOUNT, USER, NEW_ORDER, d("7"), T0));
        CancelNoted noted = new CancelNoted(ORDER, ACCOUNT, USER, NEW_ORDER, T0);
        spec().given().when(new ReplaceOrder(ORDER, ACCOUNT, USER, NEW_ORDER, T0)).then(noted);
        spec().given(noted).when(receive(buy, null, null))
                .then(received(buy), new OrderReplaced(ORDER, ACCOUNT, USER, NEW_ORDER, d("10"), T0));
    }

    @Test
    void an_order_received_twice_is_taken_once() {
        OrderTerms buy = market(Side.BUY, "10", TimeInForce.GTC);
        spec().given(received(buy)).when(receive(buy, "100", 2L)).thenNothingHappens();
        spec().given(received(buy), filled(buy, "10", "100", "0", 2)).when(receive(buy, "100", 2L)).thenNothingHappens();
    }

    @Test
    void a_redelivered_or_older_tick_changes_nothing() {
        OrderTerms buy = market(Side.BUY, "10", TimeInForce.GTC);
        var rules = new MatchingRules(null, null, null, d("4"));
        DeciderSpec.of(BrokerOrders.decider(rules)).given(received(buy), filled(buy, "4", "100", "6", 5))
                .when(tick("100", 5)).thenNothingHappens();
        DeciderSpec.of(BrokerOrders.decider(rules)).given(received(buy), filled(buy, "4", "100", "6", 5))
                .when(tick("100", 4)).thenNothingHappens();
        DeciderSpec.of(BrokerOrders.decider(rules)).given(received(buy), filled(buy, "4", "100", "6", 5))
                .when(tick("100", 6)).then(filled(buy, "4", "100.0000", "2", 6));
    }

    @Test
    void an_order_the_broker_cannot_take_is_rejected_once() {
        OrderRejected rejected = new OrderRejected(ORDER, ACCOUNT, USER, "unknown-symbol", "not traded", T0);
        spec().given().when(new RejectOrder(ORDER, ACCOUNT, USER, "unknown-symbol", "not traded", T0)).then(rejected);
        spec().given(rejected).when(new RejectOrder(ORDER, ACCOUNT, USER, "unknown-symbol", "not traded", T0))
                .thenNothingHappens();
        spec().given(rejected).when(tick("100", 1)).thenNothingHappens();
    }

    @Test
    void only_what_an_order_type_uses_is_accepted_in_its_terms() {
        assertInvalid(() -> terms(OrderType.LIMIT, Side.BUY, "10", null, null, TimeInForce.DAY), "invalid-limitPrice");
        assertInvalid(() -> terms(OrderType.MARKET, Side.BUY, "10", "100", null, TimeInForce.DAY), "invalid-limitPrice");
        assertInvalid(() -> terms(OrderType.STOP_LIMIT, Side.BUY, "10", "100", null, TimeInForce.DAY), "invalid-stopPrice");
        assertInvalid(() -> terms(OrderType.MARKET, Side.BUY, "0", null, null, TimeInForce.DAY), "invalid-quantity");
        assertInvalid(() -> terms(OrderType.LIMIT, Side.BUY, "1", "10.00001", null, TimeInForce.DAY), "invalid-limitPrice");
        assertInvalid(() -> new OrderTerms(ORDER, ACCOUNT, USER, "c", AAPL, Side.SELL, d("1"), OrderType.TRAILING_STOP,
                null, null, d("1"), d("2"), TimeInForce.GTC), "invalid-trailAmount");
        assertInvalid(() -> new OrderTerms(ORDER, ACCOUNT, USER, "c", AAPL, Side.SELL, d("1"), OrderType.TRAILING_STOP,
                null, null, null, d("100"), TimeInForce.GTC), "invalid-trailPercent");
        assertInvalid(() -> new Symbol("1ABC"), "invalid-symbol");
        assertThat(new Symbol(" brk.b ").value()).isEqualTo("BRK.B");
    }

    @Test
    void every_event_has_a_stable_stored_name() {
        Set<Class<?>> permitted = Set.of(OrderEvent.class.getPermittedSubclasses());
        assertThat(Set.<Class<?>>copyOf(BrokerOrders.EVENTS.classes())).isEqualTo(permitted);
        assertThat(BrokerOrders.EVENTS.typeOfClass(OrderFilled.class).name()).isEqualTo("virtual-broker.order-filled");
        assertThat(Arrays.stream(OrderEvent.class.getPermittedSubclasses())
                .map(type -> BrokerOrders.EVENTS.typeOfClass(type).name()))
                .allMatch(name -> name.startsWith("virtual-broker."));
        assertThat(PriceFeed.EVENTS.typeOfClass(FeedEvent.PriceTicked.class).name())
                .isEqualTo("virtual-broker.price-ticked");
    }

    static void assertInvalid(Runnable construction, String code) {
        org.assertj.core.api.Assertions.assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(io.tradecore.kernel.domain.Rejection.class,
                        rejection -> assertThat(rejection.code()).isEqualTo(code));
    }
}
