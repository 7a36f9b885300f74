package io.tradecore.virtualbroker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.function.JobReport;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** Day orders end at the session close, when the clock has passed it and the expiry job runs. */
class DayOrderExpiryIT extends VirtualBrokerIT {

    @Autowired
    @Qualifier("expireDayOrders")
    Supplier<JobReport> expireDayOrders;

    @AfterEach
    void realTime() {
        clock.set(Instant.now());
    }

    @Test
    void a_day_order_expires_once_the_clock_passes_the_session_close_and_a_gtc_order_stays() {
        Approval day = Approval.of("virtual", "TSLA", "buy", "4", "limit", "day", "limitPrice", "10");
        Approval gtc = Approval.of("virtual", "TSLA", "buy", "4", "limit", "gtc", "limitPrice", "10");
        approve(day);
        approve(gtc);
        Instant close = Instant.parse(payloadField(day.stream(), "virtual-broker.order-received", "expiresAt"));
        assertThat(close).isAfter(clock.instant());

        clock.set(close.minusSeconds(1));
        expireDayOrders.get();
        assertThat(eventTypes(day.stream())).containsExactly("virtual-broker.order-received");

        clock.set(close);
        expireDayOrders.get();
        assertThat(eventTypes(day.stream())).containsExactly("virtual-broker.order-received",
                "virtual-broker.order-expired");
        assertThat(payloadField(day.stream(), "virtual-broker.order-expired", "leavesQuantity")).isEqualTo("4");
        assertThat(eventTypes(gtc.stream())).containsExactly("virtual-broker.order-received");
        assertThat(jdbc.sql("SELECT count(*) FROM vb_open_orders WHERE order_id IN (?, ?)")
                .params(day.orderId(), gtc.orderId()).query(Long.class).single()).isEqualTo(1);
    }
}
