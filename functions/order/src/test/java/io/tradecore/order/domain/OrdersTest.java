package io.tradecore.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.testing.DeciderSpec;
import io.tradecore.order.domain.OrderCommand.AcceptOrder;
import io.tradecore.order.domain.OrderCommand.PlaceOrder;
import io.tradecore.order.domain.OrderCommand.RecordCancel;
import io.tradecore.order.domain.OrderCommand.RecordFill;
import io.tradecore.order.domain.OrderCommand.RecordReplacement;
import io.tradecore.order.domain.OrderCommand.RejectOrder;
import io.tradecore.order.domain.OrderCommand.RequestCancel;
import io.tradecore.order.domain.OrderCommand.RequestReplace;
import io.tradecore.order.domain.OrderEvent.CancelRequested;
import io.tradecore.order.domain.OrderEvent.OrderAccepted;
import io.tradecore.order.domain.OrderEvent.OrderCanceled;
import io.tradecore.order.domain.OrderEvent.OrderFilled;
import io.tradecore.order.domain.OrderEvent.OrderPartiallyFilled;
import io.tradecore.order.domain.OrderEvent.OrderPlaced;
import io.tradecore.order.domain.OrderEvent.OrderRejected;
import io.tradecore.order.domain.OrderEvent.OrderReplaced;
import io.tradecore.order.domain.OrderEvent.ReplaceRequested;
import io.tradecore.order.domain.OrderState.Finished;
import io.tradecore.order.domain.OrderState.Working;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order lifecycle as given/when/then over the decider. */
class OrdersTest {

    private final Instant at = Instant.parse("2026-03-02T14:30:00Z");
    private final OrderId id = new OrderId(UUID.randomUUID());
    private final AccountId account = new AccountId(UUID.randomUUID());
    private final UserId owner = new UserId(UUID.randomUUID());
    private final OrderTerms limitTen = new OrderTerms(OrderType.LIMIT, Quantity.of("10"), Price.of("50"), null, null,
            null, TimeInForce.DAY);
    private final OrderPlaced placed = placed(limitTen);
    private final OrderAccepted accepted = new OrderAccepted(id, account, owner, at);

    private DeciderSpec<OrderCommand, OrderState, OrderEvent> spec() {
        return DeciderSpec.of(Orders.DECIDER);
    }

    private OrderPlaced placed(OrderTerms t) {
        return new OrderPlaced(id, account, owner, "virtual", new ClientOrderId("mine-1"), new Symbol("ACME"), Side.BUY,
                t.quantity(), t.type(), t.limitPrice(), t.stopPrice(), t.trailAmount(), t.trailPercent(),
                t.timeInForce(), null, Price.of("49.5"), at);
    }

    private RecordFill fill(String fillId, String quantity, String price) {
        return new RecordFill(id, new FillId(fillId), Quantity.of(quantity), Price.of(price), Money.ZERO, at);
    }

    private OrderPartiallyFilled partial(String fillId, String quantity, String price, String filled, String average) {
        return new OrderPartiallyFilled(id, account, owner, new FillId(fillId), new Symbol("ACME"), Side.BUY,
                Quantity.of(quantity), Price.of(price), Money.ZERO, Quantity.of(filled), Price.of(average), at);
    }

    private OrderFilled filled(String fillId, String quantity, String price, String filled, String average) {
        return new OrderFilled(id, account, owner, new FillId(fillId), new Symbol("ACME"), Side.BUY,
                Quantity.of(quantity), Price.of(price), Money.ZERO, Quantity.of(filled), Price.of(average), at);
    }

    @Test
    void a_new_order_is_placed_with_its_terms_and_cannot_be_placed_twice() {
        PlaceOrder place = new PlaceOrder(id, account, owner, "virtual", new ClientOrderId("mine-1"),
                new Symbol("acme"), Side.BUY, limitTen, Price.of("49.50"), null, at);
        spec().given().when(place).then(placed);
        spec().given(placed).when(place).thenRejected("order-exists");
        assertThat(spec().given(placed).state()).isInstanceOfSatisfying(Working.class,
                w -> assertThat(w.status()).isEqualTo(OrderStatus.NEW));
    }

    @Test
    void the_accounts_approval_accepts_the_order_once() {
        spec().given(placed).when(new AcceptOrder(id, at)).then(accepted);
        spec().given(placed, accepted).when(new AcceptOrder(id, at)).thenNothingHappens();
    }

    @Test
    void a_declined_order_is_rejected_with_the_accounts_code() {
        spec().given(placed).when(new RejectOrder(id, "insufficient-buying-power", "needs 500.00", at))
                .then(new OrderRejected(id, account, owner, "insufficient-buying-power", "needs 500.00", at));
    }

    @Test
    void partial_fills_add_up_to_a_fill_with_the_volume_weighted_average_price() {
        // 4 × 100 + 6 × 101.50 = 1009 for 10 shares: 100.90 on average.
        spec().given(placed, accepted).when(fill("f1", "4", "100")).then(partial("f1", "4", "100", "4", "100"));
        spec().given(placed, accepted, partial("f1", "4", "100", "4", "100")).when(fill("f2", "6", "101.50"))
                .then(filled("f2", "6", "101.5", "10", "100.9"));
        Finished done = (Finished) spec().given(placed, accepted, partial("f1", "4", "100", "4", "100"),
                filled("f2", "6", "101.5", "10", "100.9")).state();
        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(done.execution().averageFillPrice()).isEqualTo(Price.of("100.9"));
    }

    @Test
    void the_average_is_rounded_half_even_to_four_decimals_from_the_exact_notional() {
        // 10.00 + 10.00 + 10.01 = 30.01 for 3 shares: 10.003333… → 10.0033.
        OrderPlaced three = placed(new OrderTerms(OrderType.MARKET, Quantity.of("3"), null, null, null, null,
                TimeInForce.DAY));
        spec().given(three, partial("a", "1", "10", "1", "10"), partial("b", "1", "10", "2", "10"))
                .when(fill("c", "1", "10.01"))
                .then(filled("c", "1", "10.01", "3", "10.0033"));
    }

    @Test
    void the_same_fill_reported_twice_counts_once_and_more_than_ordered_is_refused() {
        spec().given(placed, partial("f1", "4", "100", "4", "100")).when(fill("f1", "4", "100")).thenNothingHappens();
        spec().given(placed, partial("f1", "4", "100", "4", "100")).when(fill("f2", "7", "100")).thenRejected("overfill");
    }

    @Test
    void a_fill_after_a_cancel_request_is_recorded_and_the_cancel_stays_pending() {
        CancelRequested cancel = new CancelRequested(id, account, owner, at);
        spec().given(placed, accepted).when(new RequestCancel(id, at)).then(cancel);
        spec().given(placed, accepted, cancel).when(fill("f1", "4", "100")).then(partial("f1", "4", "100", "4", "100"));
        Working w = (Working) spec().given(placed, accepted, cancel, partial("f1", "4", "100", "4", "100")).state();
        assertThat(w.status()).isEqualTo(OrderStatus.PENDING_CANCEL);
        spec().given(placed, accepted, cancel).when(new RecordCancel(id, "requested", at))
                .then(new OrderCanceled(id, account, owner, "requested", at));
    }

    @Test
    void only_an_open_order_can_be_canceled() {
        OrderFilled all = filled("f1", "10", "50", "10", "50");
        spec().given(placed, accepted, all).when(new RequestCancel(id, at)).thenRejected("order-not-open");
        spec().given(placed, new CancelRequested(id, account, owner, at)).when(new RequestCancel(id, at))
                .thenRejected("order-not-open");
        spec().given().when(new RequestCancel(id, at)).thenRejected("order-not-found");
    }

    @Test
    void reports_about_a_finished_order_change_nothing() {
        OrderFilled all = filled("f1", "10", "50", "10", "50");
        spec().given(placed, all).when(new RecordCancel(id, "requested", at)).thenNothingHappens();
        spec().given(placed, all).when(new AcceptOrder(id, at)).thenNothingHappens();
        spec().given(placed, all).when(fill("f2", "1", "50")).thenNothingHappens();
    }

    @Test
    void a_replace_names_the_replacement_with_the_changed_terms_and_the_remaining_quantity() {
        OrderId next = new OrderId(UUID.randomUUID());
        var partly = partial("f1", "4", "50", "4", "50");
        ReplaceRequested asked = new ReplaceRequested(id, account, owner, next, Quantity.of("6"), Price.of("49"), null,
                null, null, TimeInForce.GTC, at);
        spec().given(placed, accepted, partly)
                .when(new RequestReplace(id, next, new TermChanges(null, Price.of("49"), null, null, null,
                        TimeInForce.GTC), at))
                .then(asked);
        OrderReplaced replaced = new OrderReplaced(id, account, owner, next, at);
        spec().given(placed, accepted, partly, asked).when(new RecordReplacement(id, next, at)).then(replaced);
        spec().given(placed, accepted, partly, asked)
                .when(new RecordReplacement(id, new OrderId(UUID.randomUUID()), at)).thenRejected("no-such-replace");

        Finished old = (Finished) spec().given(placed, accepted, partly, asked, replaced).state();
        PlaceOrder replacement = Orders.replacementOf(old, null, at);
        assertThat(replacement.orderId()).isEqualTo(next);
        assertThat(replacement.replacesOrderId()).isEqualTo(id);
        assertThat(replacement.clientOrderId()).isEqualTo(new ClientOrderId(next.toString()));
        assertThat(replacement.terms()).isEqualTo(new OrderTerms(OrderType.LIMIT, Quantity.of("6"), Price.of("49"),
                null, null, null, TimeInForce.GTC));
        assertThat(replacement.estimatedPrice()).isEqualTo(Price.of("49.5"));
    }

    @Test
    void a_replace_that_would_break_the_terms_is_refused() {
        spec().given(placed).when(new RequestReplace(id, new OrderId(UUID.randomUUID()),
                new TermChanges(null, null, Price.of("45"), null, null, null), at)).thenRejected("invalid-stopPrice");
        spec().given(placed, new CancelRequested(id, account, owner, at)).when(new RequestReplace(id,
                new OrderId(UUID.randomUUID()), new TermChanges(Quantity.of("1"), null, null, null, null, null), at))
                .thenRejected("order-not-open");
    }
}
