package io.tradecore.localdev.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.function.JobReport;
import io.tradecore.kernel.testing.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;

/** Races and clocks: buying power under concurrent orders, a cancel racing a fill, day orders at the close. */
class TradingRacesIT extends TradingIT {

    private static final Set<String> TERMINAL = Set.of("filled", "canceled", "rejected", "expired", "replaced");

    @Autowired
    TestClock testClock;

    @Autowired
    @Qualifier("expireDayOrders")
    Supplier<JobReport> expireDayOrders;

    @Test
    void twenty_concurrent_orders_beyond_buying_power_never_overdraw_the_account() throws Exception {
        User user = register();
        String account = fundedAccount(user, "1000", false);
        tick("GOOGL", "150");
        List<String> orderIds = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            List<CompletableFuture<String>> placed = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                // Resting limit buys (below the market), 100 each: together 2 000 against 1 000 of cash.
                placed.add(CompletableFuture.supplyAsync(() -> placeOk(user,
                        order(account, "GOOGL", "buy", "1", "limit", "gtc", "limitPrice", "100")), pool));
            }
            for (CompletableFuture<String> order : placed) {
                orderIds.add(order.get());
            }
        }

        int accepted = 0;
        for (String orderId : orderIds) {
            String status = awaitOrder(user, orderId, o -> Set.of("accepted", "rejected").contains(o.get("status").asString()))
                    .get("status").asString();
            accepted += status.equals("accepted") ? 1 : 0;
        }
        // Each reserves 1 x 100 x 1.02 = 102: at most 9 fit in 1 000.
        assertThat(accepted).isBetween(1, 9);
        int acceptedOrders = accepted;
        JsonNode balance = awaitAccount(user, account,
                a -> decimal(a, "reservedCash").compareTo(new BigDecimal(102L * acceptedOrders)) == 0);
        assertThat(decimal(balance, "buyingPower")).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(decimal(balance, "reservedCash")).isLessThanOrEqualTo(decimal(balance, "cash"));
    }

    @Test
    void a_cancel_racing_a_fill_has_exactly_one_outcome_everywhere() throws Exception {
        User user = register();
        String account = fundedAccount(user, "100000", false);
        tick("QQQ", "300");
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String orderId = placeOk(user, order(account, "QQQ", "buy", "1", "limit", "gtc", "limitPrice", "290"));
            awaitOrderStatus(user, orderId, "accepted");
            orderIds.add(orderId);
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(7)) {
            List<CompletableFuture<?>> race = new ArrayList<>();
            race.add(CompletableFuture.runAsync(() -> tick("QQQ", "289"), pool));
            for (String orderId : orderIds) {
                race.add(CompletableFuture.runAsync(() -> http.post("/api/orders/" + orderId + "/cancel", user.token(), "{}"), pool));
            }
            CompletableFuture.allOf(race.toArray(CompletableFuture[]::new)).get();
        }

        int filled = 0;
        for (String orderId : orderIds) {
            JsonNode done = awaitOrder(user, orderId, o -> TERMINAL.contains(o.get("status").asString()));
            String status = done.get("status").asString();
            assertThat(status).isIn("filled", "canceled");
            assertThat(decimal(done, "filledQuantity")).isEqualByComparingTo(status.equals("filled") ? "1" : "0");
            filled += status.equals("filled") ? 1 : 0;
        }
        int filledOrders = filled;
        // The position, the cash and the reservations agree with the orders' outcomes.
        if (filledOrders > 0) {
            awaitPosition(user, account, "QQQ", p -> equal(p, "quantity", String.valueOf(filledOrders)));
        }
        BigDecimal spent = new BigDecimal("289").add(BigDecimal.ONE).multiply(BigDecimal.valueOf(filledOrders));
        awaitAccount(user, account, a -> equal(a, "reservedCash", "0")
                && decimal(a, "cash").compareTo(new BigDecimal("100000").subtract(spent)) == 0);
    }

    @Test
    void a_day_order_expires_at_the_session_close_and_releases_its_reservation() {
        User user = register();
        String account = fundedAccount(user, "10000", false);
        tick("AAPL", "100");
        String day = placeOk(user, order(account, "AAPL", "buy", "10", "limit", "day", "limitPrice", "50"));
        String gtc = placeOk(user, order(account, "AAPL", "buy", "10", "limit", "gtc", "limitPrice", "50"));
        awaitOrderStatus(user, day, "accepted");
        awaitOrderStatus(user, gtc, "accepted");

        testClock.advance(Duration.ofDays(4)); // past the next weekday session close, whatever the day
        try {
            expireDayOrders.get();

            awaitOrderStatus(user, day, "expired");
            awaitAccount(user, account, a -> equal(a, "reservedCash", "510")); // only the gtc order's 10 x 50 x 1.02
            assertThat(http.get("/api/orders/" + gtc, user.token()).text("status")).isEqualTo("accepted");
        } finally {
            testClock.advance(Duration.ofDays(-4));
        }
    }
}
