package io.tradecore.brokeraccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradecore.brokeraccount.domain.AccountState;
import io.tradecore.brokeraccount.domain.Accounts;
import io.tradecore.kernel.command.Aggregates;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account's policies fed the way Kafka feeds them: envelopes of order and virtual-broker events handed to the
 * policy functions, concurrently and more than once.
 */
class OrderFundsIT extends BrokerAccountIT {

    @Autowired
    @Qualifier("reserveOrderFunds")
    Consumer<List<byte[]>> reserveOrderFunds;

    @Autowired
    @Qualifier("settleExecutions")
    Consumer<List<byte[]>> settleExecutions;

    @Autowired
    @Qualifier("projectAccounts")
    Consumer<List<byte[]>> projectAccounts;

    @Autowired
    Aggregates aggregates;

    @Autowired
    JsonMapper json;

    @Test
    void twenty_concurrent_orders_that_together_exceed_the_buying_power_never_overdraw_it() throws Exception {
        Account account = funded("10000.00", false);
        String symbol = freshSymbol();
        List<byte[]> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(placed(account, UUID.randomUUID().toString(), symbol, "buy", "10", "100")); // 1020.00 each
        }

        ExecutorService threads = Executors.newFixedThreadPool(10);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < orders.size(); i += 2) {
                List<byte[]> batch = orders.subList(i, i + 2);
                done.add(threads.submit(() -> reserveOrderFunds.accept(batch)));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            threads.shutdown();
        }

        Map<String, Object> outcome = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE event_type = 'account.order-approved') AS approved,
                               count(*) FILTER (WHERE event_type = 'account.order-declined'
                                                  AND payload->>'code' = 'insufficient-buying-power') AS declined,
                               coalesce(sum((payload->>'reservedCash')::numeric), 0) AS reserved
                          FROM event_store_events WHERE stream_id = ?""")
                .param(account.streamId()).query().singleRow();
        assertThat(((Number) outcome.get("approved")).longValue()).isEqualTo(9);
        assertThat(((Number) outcome.get("declined")).longValue()).isEqualTo(11);
        assertThat((BigDecimal) outcome.get("reserved")).isEqualByComparingTo("9180.00")
                .isLessThanOrEqualTo(new BigDecimal("10000.00"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode view = view(account);
            assertThat(view.get("reservedCash").decimalValue()).isEqualByComparingTo("9180.00");
            assertThat(view.get("buyingPower").decimalValue()).isEqualByComparingTo("820.00");
        });
        assertSnapshotsKeep(account);
    }

    @Test
    void a_fill_settles_the_end_of_the_order_releases_the_rest_and_redeliveries_change_nothing() {
        Account account = funded("10000.00", false);
        String symbol = freshSymbol();
        String orderId = UUID.randomUUID().toString();
        byte[] order = placed(account, orderId, symbol, "buy", "10", "150"); // reserves 1530.00
        reserveOrderFunds.accept(List.of(order, order));
        reserveOrderFunds.accept(List.of(order));
        assertThat(count(account, "account.order-approved")).isEqualTo(1);

        // −(4 × 149.50) − 1.00 = −599.00; 1530.00 × 4/10 = 612.00 of the reservation used, 918.00 left
        byte[] fill = brokerEvent(account, orderId, 2, "virtual-broker.order-filled", Map.of("fillId", "f-" + orderId,
                "symbol", symbol, "side", "buy", "quantity", new BigDecimal("4"), "price", new BigDecimal("149.50"),
                "commission", new BigDecimal("1.00"), "leavesQuantity", new BigDecimal("6")));
        settleExecutions.accept(List.of(fill));
        settleExecutions.accept(List.of(fill, fill));
        byte[] canceled = brokerEvent(account, orderId, 3, "virtual-broker.order-canceled",
                Map.of("reason", "requested", "leavesQuantity", new BigDecimal("6")));
        settleExecutions.accept(List.of(canceled));
        settleExecutions.accept(List.of(canceled));

        assertThat(count(account, "account.fill-settled")).isEqualTo(1);
        assertThat(count(account, "account.reservation-released")).isEqualTo(1);
        BigDecimal released = jdbc.sql("""
                        SELECT (payload->>'releasedCash')::numeric FROM event_store_events
                         WHERE stream_id = ? AND event_type = 'account.reservation-released'""")
                .param(account.streamId()).query(BigDecimal.class).single();
        assertThat(released).isEqualByComparingTo("918.00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode view = view(account);
            assertThat(view.get("cash").decimalValue()).isEqualByComparingTo("9401.00");
            assertThat(view.get("reservedCash").decimalValue()).isEqualByComparingTo("0");
            assertThat(view.get("holdings").get(0).get("symbol").asString()).isEqualTo(symbol);
            assertThat(view.get("holdings").get(0).get("quantity").decimalValue()).isEqualByComparingTo("4");
            assertThat(view.get("equity").decimalValue()).isEqualByComparingTo("9999.00"); // 9401 + 4 × 149.50
        });

        // A tick revalues the holding: 9401.00 + 4 × 155.25 = 10022.00
        projectAccounts.accept(List.of(envelope("vb-symbol-" + symbol, "virtual_broker", 1,
                "virtual-broker.price-ticked", null,
                Map.of("symbol", symbol, "price", new BigDecimal("155.25"), "sequence", 1,
                        "at", "2026-01-05T14:30:00Z"))));
        JsonNode revalued = view(account);
        assertThat(revalued.get("equity").decimalValue()).isEqualByComparingTo("10022.00");
        assertThat(revalued.get("holdings").get(0).get("lastPrice").decimalValue()).isEqualByComparingTo("155.25");

        var ledger = http.get("/api/accounts/" + account.id() + "/activities", account.owner().token());
        assertThat(ledger.body().get("items"))
                .extracting(a -> a.get("kind").asString() + " " + a.get("amount").decimalValue().toPlainString())
                .containsExactly("fee -1.0", "fill -598.0", "deposit 10000.0");
        assertSnapshotsKeep(account);
    }

    @Test
    void a_sell_without_a_position_is_declined_and_an_order_for_an_unknown_account_is_passed_over() {
        Account account = funded("1000.00", false);
        String orderId = UUID.randomUUID().toString();
        reserveOrderFunds.accept(List.of(placed(account, orderId, freshSymbol(), "sell", "1", "10")));
        String code = jdbc.sql("""
                        SELECT payload->>'code' FROM event_store_events
                         WHERE stream_id = ? AND event_type = 'account.order-declined'""")
                .param(account.streamId()).query(String.class).single();
        assertThat(code).isEqualTo("insufficient-position");

        Account unknown = new Account(UUID.randomUUID().toString(), account.owner());
        reserveOrderFunds.accept(List.of(placed(unknown, UUID.randomUUID().toString(), "ACME", "buy", "1", "10")));
        assertThat(eventsIn(unknown.streamId())).isZero();
    }

    /** Every 100th event stores the state as JSON; what is read back must be the same state. */
    private void assertSnapshotsKeep(Account account) {
        AccountState state = aggregates.load(Accounts.AGGREGATE, account.streamId(), false).state();
        assertThat(json.readValue(json.writeValueAsString(state), state.getClass())).isEqualTo(state);
    }

    private JsonNode view(Account account) {
        var read = http.get("/api/accounts/" + account.id(), account.owner().token());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.body();
    }

    private long count(Account account, String type) {
        return jdbc.sql("SELECT count(*) FROM event_store_events WHERE stream_id = ? AND event_type = ?")
                .params(account.streamId(), type).query(Long.class).single();
    }

    private static byte[] placed(Account account, String orderId, String symbol, String side, String quantity,
                                 String limitPrice) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderId", orderId);
        payload.put("accountId", account.id());
        payload.put("userId", account.owner().id());
        payload.put("broker", "virtual");
        payload.put("clientOrderId", "c-" + orderId);
        payload.put("symbol", symbol);
        payload.put("side", side);
        payload.put("quantity", new BigDecimal(quantity));
        payload.put("type", "limit");
        payload.put("limitPrice", new BigDecimal(limitPrice));
        payload.put("timeInForce", "day");
        payload.put("at", "2026-01-05T14:30:00Z");
        return envelope("order-" + orderId, "order", 1, "order.placed", account.owner().id(), payload);
    }

    private static byte[] brokerEvent(Account account, String orderId, long version, String type,
                                      Map<String, Object> fields) {
        Map<String, Object> payload = new LinkedHashMap<>(fields);
        payload.put("orderId", orderId);
        payload.put("accountId", account.id());
        payload.put("userId", account.owner().id());
        payload.put("at", "2026-01-05T14:30:00Z");
        return envelope("vb-order-" + orderId, "virtual_broker", version, type, account.owner().id(), payload);
    }
}
