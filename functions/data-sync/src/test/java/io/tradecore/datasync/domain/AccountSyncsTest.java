package io.tradecore.datasync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.datasync.domain.SyncCommand.CompleteRun;
import io.tradecore.datasync.domain.SyncCommand.FailRun;
import io.tradecore.datasync.domain.SyncCommand.FillRecord;
import io.tradecore.datasync.domain.SyncCommand.ImportFills;
import io.tradecore.datasync.domain.SyncCommand.ImportOrders;
import io.tradecore.datasync.domain.SyncCommand.ObserveBalance;
import io.tradecore.datasync.domain.SyncCommand.OrderRecord;
import io.tradecore.datasync.domain.SyncCommand.RequestSync;
import io.tradecore.datasync.domain.SyncCommand.StartRun;
import io.tradecore.datasync.domain.SyncEvent.BalanceObserved;
import io.tradecore.datasync.domain.SyncEvent.CursorAdvanced;
import io.tradecore.datasync.domain.SyncEvent.FillImported;
import io.tradecore.datasync.domain.SyncEvent.OrderImported;
import io.tradecore.datasync.domain.SyncEvent.OrderUpdated;
import io.tradecore.datasync.domain.SyncEvent.SyncRequested;
import io.tradecore.datasync.domain.SyncEvent.SyncRunCompleted;
import io.tradecore.datasync.domain.SyncEvent.SyncRunFailed;
import io.tradecore.datasync.domain.SyncEvent.SyncRunStarted;
import io.tradecore.kernel.testing.DeciderSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountSyncsTest {

    static final String ACCOUNT = "0190f3a0-0000-7000-8000-000000000001";
    static final String USER = "0190f3a0-0000-7000-8000-0000000000aa";
    static final Instant T0 = Instant.parse("2026-03-02T14:30:00Z");
    static final Instant T1 = T0.plusSeconds(60);
    static final Instant NOW = Instant.parse("2026-03-09T09:00:00Z");

    final DeciderSpec<SyncCommand, SyncState, SyncEvent> spec = DeciderSpec.of(AccountSyncs.DECIDER);

    static final SyncRunStarted RUN1 = new SyncRunStarted(ACCOUNT, USER, "run-1", "req-1", NOW);

    static OrderRecord order(String id, String status, String filled) {
        return new OrderRecord(id, "c-" + id, "ACME", "buy", new BigDecimal("10"), "limit", new BigDecimal("100.00"),
                null, "day", status, new BigDecimal(filled), filled.equals("0") ? null : new BigDecimal("99.50"), T0, T0);
    }

    static OrderImported imported(String id, String status, String filled) {
        OrderRecord o = order(id, status, filled);
        return new OrderImported(ACCOUNT, USER, "run-1", id, o.clientOrderId(), "ACME", "buy", o.quantity(), "limit",
                o.limitPrice(), null, "day", status, o.filledQuantity(), o.averageFillPrice(), T0, T0, NOW);
    }

    static FillRecord fill(String id) {
        return new FillRecord(id, "b-1", "ACME", "buy", new BigDecimal("10"), new BigDecimal("99.50"), T1);
    }

    @Test
    void a_request_is_recorded_with_its_owner_and_since() {
        spec.given().when(new RequestSync(ACCOUNT, USER, "req-1", T0, "user", NOW))
                .then(new SyncRequested(ACCOUNT, USER, "req-1", T0, "user", NOW));
    }

    @Test
    void another_users_request_for_the_account_reads_as_not_found() {
        spec.given(new SyncRequested(ACCOUNT, USER, "req-1", null, "user", NOW))
                .when(new RequestSync(ACCOUNT, "someone-else", "req-2", null, "user", NOW))
                .thenRejected("account-not-found");
    }

    @Test
    void new_broker_orders_are_imported_and_the_cursor_advances_with_them() {
        spec.given(RUN1)
                .when(new ImportOrders(ACCOUNT, "run-1", List.of(order("b-1", "filled", "10"), order("b-2", "new", "0")),
                        T0, NOW))
                .then(imported("b-1", "filled", "10"), imported("b-2", "new", "0"),
                        new CursorAdvanced(ACCOUNT, USER, "run-1", AccountSyncs.ORDERS, T0, NOW));
    }

    @Test
    void the_same_page_twice_changes_nothing() {
        spec.given(RUN1, imported("b-1", "filled", "10"),
                        new CursorAdvanced(ACCOUNT, USER, "run-1", AccountSyncs.ORDERS, T0, NOW))
                .when(new ImportOrders(ACCOUNT, "run-1", List.of(order("b-1", "filled", "10")), T0, NOW))
                .thenNothingHappens();
    }

    @Test
    void an_order_that_progressed_at_the_broker_is_updated_once() {
        spec.given(RUN1, imported("b-2", "new", "0"))
                .when(new ImportOrders(ACCOUNT, "run-1", List.of(order("b-2", "filled", "10"), order("b-2", "filled", "10")),
                        T0, NOW))
                .then(new OrderUpdated(ACCOUNT, USER, "run-1", "b-2", "filled", new BigDecimal("10"),
                                new BigDecimal("99.50"), T0, NOW),
                        new CursorAdvanced(ACCOUNT, USER, "run-1", AccountSyncs.ORDERS, T0, NOW));
    }

    @Test
    void fills_are_imported_once_by_their_broker_id() {
        FillImported first = new FillImported(ACCOUNT, USER, "run-1", "f-1", "b-1", "ACME", "buy",
                new BigDecimal("10"), new BigDecimal("99.50"), T1, NOW);
        spec.given(RUN1)
                .when(new ImportFills(ACCOUNT, "run-1", List.of(fill("f-1"), fill("f-1")), T1, NOW))
                .then(first, new CursorAdvanced(ACCOUNT, USER, "run-1", AccountSyncs.ACTIVITIES, T1, NOW));
        spec.given(RUN1, first).when(new ImportFills(ACCOUNT, "run-1", List.of(fill("f-1")), T0, NOW))
                .then(new CursorAdvanced(ACCOUNT, USER, "run-1", AccountSyncs.ACTIVITIES, T0, NOW));
    }

    @Test
    void a_cursor_never_moves_back() {
        spec.given(RUN1, new CursorAdvanced(ACCOUNT, USER, "run-1", AccountSyncs.ACTIVITIES, T1, NOW))
                .when(new ImportFills(ACCOUNT, "run-1", List.of(), T0, NOW))
                .thenNothingHappens();
    }

    @Test
    void a_balance_is_recorded_only_when_it_changed() {
        BalanceObserved seen = new BalanceObserved(ACCOUNT, USER, "run-1", "USD", new BigDecimal("1000.00"),
                new BigDecimal("2000.00"), new BigDecimal("1500.00"), NOW);
        spec.given(RUN1).when(new ObserveBalance(ACCOUNT, "run-1", "USD", new BigDecimal("1000.00"),
                new BigDecimal("2000.00"), new BigDecimal("1500.00"), NOW)).then(seen);
        spec.given(RUN1, seen).when(new ObserveBalance(ACCOUNT, "run-1", "USD", new BigDecimal("1000"),
                new BigDecimal("2000.0"), new BigDecimal("1500"), NOW)).thenNothingHappens();
    }

    @Test
    void only_the_current_run_may_import() {
        spec.given(RUN1, new SyncRunCompleted(ACCOUNT, USER, "run-1", NOW))
                .when(new ImportOrders(ACCOUNT, "run-1", List.of(order("b-1", "new", "0")), T0, NOW))
                .thenRejected("run-not-running");
    }

    @Test
    void a_new_run_ends_an_unfinished_one_as_abandoned() {
        spec.given(RUN1).when(new StartRun(ACCOUNT, USER, "run-2", "req-2", NOW))
                .then(new SyncRunFailed(ACCOUNT, USER, "run-1", "abandoned", "a newer run started before this one ended",
                        NOW), new SyncRunStarted(ACCOUNT, USER, "run-2", "req-2", NOW));
    }

    @Test
    void a_run_ends_once() {
        spec.given(RUN1).when(new FailRun(ACCOUNT, "run-1", "broker-unavailable", "503", NOW))
                .then(new SyncRunFailed(ACCOUNT, USER, "run-1", "broker-unavailable", "503", NOW));
        spec.given(RUN1, new SyncRunFailed(ACCOUNT, USER, "run-1", "broker-unavailable", "503", NOW))
                .when(new CompleteRun(ACCOUNT, "run-1", NOW)).thenNothingHappens();
    }

    @Test
    void the_registry_names_every_event() {
        assertThat(AccountSyncs.EVENTS.classes()).hasSize(SyncEvent.class.getPermittedSubclasses().length);
    }
}
