package io.tradecore.datasync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.contracts.broker.BrokerAccount;
import io.tradecore.contracts.broker.BrokerActivity;
import io.tradecore.contracts.broker.BrokerException;
import io.tradecore.contracts.broker.BrokerOrder;
import io.tradecore.datasync.domain.AccountSyncs;
import io.tradecore.datasync.domain.SyncCommand.FillRecord;
import io.tradecore.datasync.domain.SyncCommand.ImportFills;
import io.tradecore.datasync.domain.SyncCommand.ImportOrders;
import io.tradecore.datasync.domain.SyncCommand.ObserveBalance;
import io.tradecore.datasync.domain.SyncCommand.OrderRecord;
import io.tradecore.datasync.domain.SyncState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyncPlannerTest {

    static final String ACCOUNT = "0190f3a0-0000-7000-8000-000000000001";
    static final Instant T0 = Instant.parse("2026-03-02T14:30:00Z");
    static final Instant NOW = Instant.parse("2026-03-09T09:00:00Z");

    static BrokerOrder order(String id, Instant submitted) {
        return new BrokerOrder(id, "c-" + id, "acme", "BUY", new BigDecimal("5"), "Limit", new BigDecimal("10.00"), null,
                "GTC", "Filled", new BigDecimal("5"), new BigDecimal("9.99"), submitted, submitted.plusSeconds(1));
    }

    static BrokerActivity activity(String id, String kind, Instant at) {
        boolean fill = "fill".equalsIgnoreCase(kind);
        return new BrokerActivity(id, kind, "b-1", fill ? "acme" : null, fill ? "sell" : null,
                fill ? new BigDecimal("-5") : null, fill ? new BigDecimal("9.99") : null, new BigDecimal("49.95"), at);
    }

    @Test
    void broker_orders_become_one_import_in_tradecore_terms_and_the_cursor_is_the_newest_submission() {
        var page = SyncPlanner.orders(ACCOUNT, "run-1", SyncPlanner.BEGINNING,
                List.of(order("b-2", T0.plusSeconds(5)), order("b-1", T0)), NOW);

        ImportOrders command = page.command().orElseThrow();
        assertThat(command.orders()).extracting(OrderRecord::brokerOrderId).containsExactly("b-2", "b-1");
        assertThat(command.orders().getFirst()).extracting(OrderRecord::symbol, OrderRecord::side, OrderRecord::type,
                OrderRecord::timeInForce, OrderRecord::status).containsExactly("ACME", "buy", "limit", "gtc", "filled");
        assertThat(command.cursor()).isEqualTo(T0.plusSeconds(5));
        assertThat(page.cursor()).isEqualTo(T0.plusSeconds(5));
        assertThat(page.more()).isTrue();
    }

    @Test
    void an_empty_page_ends_the_feed_and_keeps_the_cursor() {
        var page = SyncPlanner.orders(ACCOUNT, "run-1", T0, List.of(), NOW);
        assertThat(page.command()).isEmpty();
        assertThat(page.cursor()).isEqualTo(T0);
        assertThat(page.more()).isFalse();
    }

    @Test
    void a_page_that_only_repeats_the_boundary_is_sent_but_ends_the_feed() {
        var page = SyncPlanner.orders(ACCOUNT, "run-1", T0, List.of(order("b-1", T0)), NOW);
        assertThat(page.command()).isPresent();
        assertThat(page.command().orElseThrow().cursor()).isEqualTo(T0);
        assertThat(page.more()).isFalse();
    }

    @Test
    void fills_are_imported_while_transfers_and_fees_only_move_the_cursor() {
        var page = SyncPlanner.activities(ACCOUNT, "run-1", SyncPlanner.BEGINNING, List.of(
                activity("a-1", "fill", T0), activity("a-2", "deposit", T0.plusSeconds(9)),
                activity("a-3", "FILL", T0.plusSeconds(3))), NOW);

        ImportFills command = page.command().orElseThrow();
        assertThat(command.fills()).containsExactly(
                new FillRecord("a-1", "b-1", "ACME", "sell", new BigDecimal("5"), new BigDecimal("9.99"), T0),
                new FillRecord("a-3", "b-1", "ACME", "sell", new BigDecimal("5"), new BigDecimal("9.99"),
                        T0.plusSeconds(3)));
        assertThat(command.cursor()).isEqualTo(T0.plusSeconds(9));
        assertThat(page.more()).isTrue();
    }

    @Test
    void an_unreadable_record_fails_the_page_rather_than_being_skipped() {
        assertThatThrownBy(() -> SyncPlanner.activities(ACCOUNT, "run-1", T0,
                List.of(new BrokerActivity("a-1", "fill", "b-1", null, "buy", BigDecimal.ONE, BigDecimal.TEN,
                        BigDecimal.TEN, T0.plusSeconds(1))), NOW))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.code()).isEqualTo(BrokerException.Code.MALFORMED));
        assertThatThrownBy(() -> SyncPlanner.orders(ACCOUNT, "run-1", T0, List.of(order("b-1", T0)).stream()
                .map(o -> new BrokerOrder(o.brokerOrderId(), null, "ACME", "buy", BigDecimal.ONE, "market", null, null,
                        "day", "new", null, null, null, null)).toList(), NOW))
                .isInstanceOf(BrokerException.class);
    }

    @Test
    void the_balance_becomes_an_observation() {
        ObserveBalance balance = SyncPlanner.balance(ACCOUNT, "run-1", new BrokerAccount("PA1", "usd",
                new BigDecimal("100.00"), new BigDecimal("200.00"), new BigDecimal("150.00"), "ACTIVE"), NOW);
        assertThat(balance).isEqualTo(new ObserveBalance(ACCOUNT, "run-1", "USD", new BigDecimal("100.00"),
                new BigDecimal("200.00"), new BigDecimal("150.00"), NOW));
    }

    @Test
    void a_run_starts_at_the_stored_cursor_or_earlier_when_asked_never_later() {
        SyncState synced = new SyncState("u", Map.of(), Set.of(), null, Map.of(AccountSyncs.ORDERS, T0), null);
        assertThat(SyncPlanner.start(SyncState.INITIAL, AccountSyncs.ORDERS, null)).isEqualTo(SyncPlanner.BEGINNING);
        assertThat(SyncPlanner.start(SyncState.INITIAL, AccountSyncs.ORDERS, T0)).isEqualTo(T0);
        assertThat(SyncPlanner.start(synced, AccountSyncs.ORDERS, null)).isEqualTo(T0);
        assertThat(SyncPlanner.start(synced, AccountSyncs.ORDERS, T0.minusSeconds(60))).isEqualTo(T0.minusSeconds(60));
        assertThat(SyncPlanner.start(synced, AccountSyncs.ORDERS, T0.plusSeconds(60))).isEqualTo(T0);
        assertThat(SyncPlanner.start(synced, AccountSyncs.ACTIVITIES, null)).isEqualTo(SyncPlanner.BEGINNING);
    }
}
