package io.tradecore.virtualbroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradecore.virtualbroker.broker.VirtualBrokerAdapter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Approvals delivered to the routeApprovedOrders policy as broker_account publishes them, then ticks over HTTP:
 * the ticks reach matchOrdersOnTick through the outbox and Kafka, and the fills land in the event store.
 */
class OrderFlowIT extends VirtualBrokerIT {

    private static final String FILLED = "virtual-broker.order-filled";

    @Autowired
    VirtualBrokerAdapter broker;

    @Test
    void an_approved_limit_order_waits_and_fills_when_a_tick_crosses_its_limit() {
        assertThat(tick("NVDA", "120").status()).isIn(200, 201);
        Approval buy = Approval.of("virtual", "NVDA", "buy", "10", "limit", "gtc", "limitPrice", "119");
        approve(buy);
        assertThat(eventTypes(buy.stream())).containsExactly("virtual-broker.order-received");
        assertThat(workingOrders(buy)).isEqualTo(1);

        tick("NVDA", "119.5");
        tick("NVDA", "118.9");
        awaitEvent(buy, FILLED);
        assertThat(eventTypes(buy.stream())).containsExactly("virtual-broker.order-received", FILLED);
        assertThat(payloadField(buy.stream(), FILLED, "price")).isEqualTo("118.9000");
        assertThat(payloadField(buy.stream(), FILLED, "commission")).isEqualTo("1.00");
        assertThat(payloadField(buy.stream(), FILLED, "leavesQuantity")).isEqualTo("0");
        assertThat(payloadField(buy.stream(), FILLED, "side")).isEqualTo("buy");
        assertThat(workingOrders(buy)).isZero();

        String account = buy.accountId().toString();
        assertThat(broker.findOrder(account, "client-" + buy.orderId())).hasValueSatisfying(order -> {
            assertThat(order.status()).isEqualTo("filled");
            assertThat(order.averageFillPrice()).isEqualByComparingTo("118.9");
        });
        assertThat(broker.positions(account)).singleElement().satisfies(position -> {
            assertThat(position.symbol()).isEqualTo("NVDA");
            assertThat(position.quantity()).isEqualByComparingTo("10");
        });
        assertThat(broker.activities(account, Instant.EPOCH)).singleElement()
                .satisfies(fill -> assertThat(fill.amount()).isEqualByComparingTo("-1190.00"));
        assertThat(broker.account(account).cash()).isEqualByComparingTo("-1190.00");
    }

    @Test
    void a_marketable_approval_fills_at_once_and_a_redelivered_one_changes_nothing() {
        tick("AMZN", "180");
        Approval buy = Approval.of("virtual", "AMZN", "buy", "5", "market", "gtc");
        byte[] approval = approved(buy);
        routeApprovedOrders.accept(List.of(approval));
        routeApprovedOrders.accept(List.of(approval));
        assertThat(eventTypes(buy.stream())).containsExactly("virtual-broker.order-received", FILLED);
        assertThat(payloadField(buy.stream(), FILLED, "price")).isEqualTo("180.1800");

        Approval elsewhere = Approval.of("alpaca", "AMZN", "buy", "5", "market", "gtc");
        approve(elsewhere);
        assertThat(eventTypes(elsewhere.stream())).isEmpty();
    }

    @Test
    void an_order_for_a_symbol_the_broker_does_not_trade_is_rejected() {
        Approval buy = Approval.of("virtual", "ZZZZ", "buy", "5", "market", "gtc");
        approve(buy);
        assertThat(eventTypes(buy.stream())).containsExactly("virtual-broker.order-rejected");
        assertThat(payloadField(buy.stream(), "virtual-broker.order-rejected", "code")).isEqualTo("unknown-symbol");
    }

    @Test
    void a_cancel_request_that_overtakes_the_approval_ends_the_order_when_it_arrives() {
        Approval buy = Approval.of("virtual", "AMZN", "buy", "5", "limit", "gtc", "limitPrice", "100");
        relayOrderRequests.accept(List.of(envelope("order.cancel-requested", "order", "order-" + buy.orderId(),
                buy.userId(), Map.of("orderId", buy.orderId().toString(), "accountId", buy.accountId().toString(),
                        "userId", buy.userId(), "at", Instant.now().toString()))));
        approve(buy);
        assertThat(eventTypes(buy.stream())).containsExactly("virtual-broker.cancel-noted",
                "virtual-broker.order-received", "virtual-broker.order-canceled");
        assertThat(payloadField(buy.stream(), "virtual-broker.order-canceled", "reason")).isEqualTo("requested");
        assertThat(workingOrders(buy)).isZero();
    }

    @Test
    void a_replace_request_ends_the_working_order_and_names_its_successor_and_other_brokers_requests_are_passed_over() {
        Approval buy = Approval.of("virtual", "AMZN", "buy", "5", "limit", "gtc", "limitPrice", "100");
        approve(buy);
        String newOrderId = java.util.UUID.randomUUID().toString();
        relayOrderRequests.accept(List.of(envelope("order.replace-requested", "order", "order-" + buy.orderId(),
                buy.userId(), Map.of("orderId", buy.orderId().toString(), "accountId", buy.accountId().toString(),
                        "userId", buy.userId(), "newOrderId", newOrderId, "quantity", 6, "timeInForce", "gtc",
                        "at", Instant.now().toString()))));
        assertThat(eventTypes(buy.stream())).containsExactly("virtual-broker.order-received",
                "virtual-broker.order-replaced");
        assertThat(payloadField(buy.stream(), "virtual-broker.order-replaced", "newOrderId")).isEqualTo(newOrderId);
        assertThat(payloadField(buy.stream(), "virtual-broker.order-replaced", "leavesQuantity")).isEqualTo("5");

        Approval elsewhere = Approval.of("alpaca", "AMZN", "buy", "5", "market", "gtc");
        relayOrderRequests.accept(List.of(envelope("order.cancel-requested", "order", "order-" + elsewhere.orderId(),
                elsewhere.userId(), Map.of("orderId", elsewhere.orderId().toString(), "accountId",
                        elsewhere.accountId().toString(), "userId", elsewhere.userId(), "broker", "alpaca"))));
        assertThat(eventTypes(elsewhere.stream())).isEmpty();
    }

    @Test
    void stops_and_trailing_stops_are_found_by_the_ticks_that_move_or_trigger_them() {
        tick("GOOGL", "170");
        Approval trailing = Approval.of("virtual", "GOOGL", "sell", "3", "trailing_stop", "gtc", "trailAmount", "2.5");
        Approval stop = Approval.of("virtual", "GOOGL", "buy", "2", "stop", "gtc", "stopPrice", "176");
        approve(trailing);
        approve(stop);
        assertThat(eventTypes(trailing.stream())).containsExactly("virtual-broker.order-received",
                "virtual-broker.stop-adjusted");

        tick("GOOGL", "175");
        await().atMost(Duration.ofSeconds(20)).until(() -> eventTypes(trailing.stream()).size() == 3);
        tick("GOOGL", "176.5");
        awaitEvent(stop, FILLED);
        assertThat(eventTypes(stop.stream())).containsExactly("virtual-broker.order-received",
                "virtual-broker.order-triggered", FILLED);
        tick("GOOGL", "173.9");
        awaitEvent(trailing, FILLED);
        assertThat(eventTypes(trailing.stream())).containsExactly("virtual-broker.order-received",
                "virtual-broker.stop-adjusted", "virtual-broker.stop-adjusted", "virtual-broker.stop-adjusted",
                "virtual-broker.order-triggered", FILLED);
        assertThat(jdbc.sql("SELECT payload ->> 'stopPrice' FROM event_store_events WHERE stream_id = ? ORDER BY version DESC OFFSET 2 LIMIT 1")
                .param(trailing.stream()).query(String.class).single()).isEqualTo("174.0000");
        assertThat(payloadField(trailing.stream(), FILLED, "price")).isEqualTo("173.7261");
    }

    private void awaitEvent(Approval approval, String type) {
        await().atMost(Duration.ofSeconds(20)).until(() -> eventTypes(approval.stream()).contains(type));
    }

    private long workingOrders(Approval approval) {
        return jdbc.sql("SELECT count(*) FROM vb_open_orders WHERE order_id = ?").param(approval.orderId())
                .query(Long.class).single();
    }
}
