package io.tradecore.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.testing.DeciderSpec;
import io.tradecore.order.domain.OrderCommand.ImportOrder;
import io.tradecore.order.domain.OrderCommand.RecordFill;
import io.tradecore.order.domain.OrderCommand.RequestCancel;
import io.tradecore.order.domain.OrderCommand.RequestReplace;
import io.tradecore.order.domain.OrderCommand.UpdateImportedOrder;
import io.tradecore.order.domain.OrderEvent.OrderImportUpdated;
import io.tradecore.order.domain.OrderEvent.OrderImported;
import io.tradecore.order.domain.OrderEvent.OrderPlaced;
import io.tradecore.order.domain.OrderState.Imported;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Orders a history sync brings in from a connected broker, as given/when/then over the decider. */
class OrderImportsTest {

    private final Instant at = Instant.parse("2026-03-02T15:00:00Z");
    private final Instant submitted = Instant.parse("2026-03-02T14:30:00Z");
    private final Instant changed = Instant.parse("2026-03-02T14:31:00Z");
    private final AccountId account = new AccountId(UUID.randomUUID());
    private final UserId owner = new UserId(UUID.randomUUID());
    private final OrderId id = OrderId.imported(account, "b-1");
    private final BrokerProgress open = new BrokerProgress("new", BigDecimal.ZERO, null, submitted);
    private final BrokerProgress filled = new BrokerProgress("filled", new BigDecimal("10.000"), Price.of("100.50"),
            changed);

    private DeciderSpec<OrderCommand, OrderState, OrderEvent> spec() {
        return DeciderSpec.of(Orders.DECIDER);
    }

    private ImportOrder importing(BrokerProgress progress) {
        return new ImportOrder(id, account, owner, "b-1", "c-1", new Symbol("ACME"), Side.BUY, Quantity.of("10"),
                "LIMIT", Price.of("101"), null, "gtc", progress, submitted, at);
    }

    private final OrderImported imported = new OrderImported(id, account, owner, "b-1", "c-1", new Symbol("ACME"),
            Side.BUY, Quantity.of("10"), "limit", Price.of("101"), null, "gtc", "new", BigDecimal.ZERO, null, submitted,
            submitted, at);
    private final OrderImportUpdated nowFilled = new OrderImportUpdated(id, account, owner, "b-1", "filled",
            new BigDecimal("10"), Price.of("100.5"), changed, at);

    @Test
    void an_imported_orders_id_is_derived_from_its_account_and_broker_order_id() {
        assertThat(OrderId.imported(account, "b-1")).isEqualTo(id);
        assertThat(OrderId.imported(account, "b-2")).isNotEqualTo(id);
        assertThat(OrderId.imported(new AccountId(UUID.randomUUID()), "b-1")).isNotEqualTo(id);
    }

    @Test
    void a_broker_order_is_imported_once_and_a_second_sync_changes_nothing() {
        spec().given().when(importing(open)).then(imported);
        spec().given(imported).when(importing(open)).thenNothingHappens();
        assertThat(spec().given(imported).state()).isInstanceOfSatisfying(Imported.class, order -> {
            assertThat(order.owner()).isEqualTo(owner);
            assertThat(order.progress().status()).isEqualTo("new");
        });
    }

    @Test
    void a_later_sync_with_a_changed_status_records_just_the_change_once() {
        spec().given(imported).when(new UpdateImportedOrder(id, filled, at)).then(nowFilled);
        spec().given(imported).when(importing(filled)).then(nowFilled);
        spec().given(imported, nowFilled).when(new UpdateImportedOrder(id, filled, at)).thenNothingHappens();
        spec().given(imported, nowFilled).when(importing(filled)).thenNothingHappens();
    }

    @Test
    void a_report_the_broker_dated_before_the_recorded_one_changes_nothing() {
        BrokerProgress stale = new BrokerProgress("partially_filled", new BigDecimal("4"), Price.of("100"), submitted
                .minusSeconds(1));
        spec().given(imported, nowFilled).when(new UpdateImportedOrder(id, stale, at)).thenNothingHappens();
    }

    @Test
    void an_update_of_an_order_never_imported_is_refused() {
        spec().given().when(new UpdateImportedOrder(id, filled, at)).thenRejected("order-not-found");
        OrderPlaced placed = new OrderPlaced(id, account, owner, "virtual", new ClientOrderId("mine-1"),
                new Symbol("ACME"), Side.BUY, Quantity.of("10"), OrderType.MARKET, null, null, null, null,
                TimeInForce.DAY, null, null, at);
        spec().given(placed).when(new UpdateImportedOrder(id, filled, at)).thenRejected("order-not-imported");
        spec().given(placed).when(importing(open)).thenRejected("order-not-imported");
    }

    @Test
    void an_imported_order_can_be_neither_canceled_nor_replaced_here() {
        spec().given(imported).when(new RequestCancel(id, at)).thenRejected("order-imported");
        spec().given(imported).when(new RequestReplace(id, new OrderId(UUID.randomUUID()),
                new TermChanges(Quantity.of("5"), null, null, null, null, null), at)).thenRejected("order-imported");
    }

    @Test
    void the_paper_brokers_reports_and_a_new_placement_leave_an_imported_order_alone() {
        spec().given(imported).when(new RecordFill(id, new FillId("x"), Quantity.of("1"), Price.of("1"), Money.ZERO,
                at)).thenNothingHappens();
        spec().given(imported).when(new OrderCommand.PlaceOrder(id, account, owner, "virtual",
                new ClientOrderId("mine-2"), new Symbol("ACME"), Side.BUY, new OrderTerms(OrderType.MARKET,
                        Quantity.of("1"), null, null, null, null, TimeInForce.DAY), null, null, at))
                .thenRejected("order-exists");
    }
}
