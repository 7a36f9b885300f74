package io.tradecore.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.function.JobReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;

/** Alerts from creation over HTTP to a fired alert in the store, on the bus, on alerts.price and in the read model. */
class AlertFlowIT extends AutomationIT {

    @Autowired
    @Qualifier("expireAlerts")
    Supplier<JobReport> expireAlerts;

    @Test
    void a_crossing_up_fires_on_the_tick_that_crosses_and_is_published_and_projected() {
        User ada = user();
        String acme = listed("95");
        String alertId = createOk(ada, alert(acme, "crossing_up", "threshold", "100"));
        awaitAlert(ada, alertId, alert -> "active".equals(alert.get("status").asString()));

        publishTicks(acme, "99", "99.5", "101", "98", "102");

        JsonNode fired = awaitAlert(ada, alertId, alert -> "triggered".equals(alert.get("status").asString()));
        assertThat(fired.get("triggerCount").asInt()).isEqualTo(1);
        assertThat(equal(fired, "lastTriggeredPrice", "101")).isTrue();
        assertThat(equal(fired, "lastTriggeredPreviousPrice", "99.5")).isTrue();
        assertThat(fired.get("lastTriggeredSequence").asLong()).isEqualTo(3);
        assertThat(triggeredEvents(alertId)).isEqualTo(1);

        JsonNode onBus = onTopic("transport.automation", "alert.triggered", alertId, 1).getFirst();
        JsonNode onAlerts = onTopic("alerts.price", "alert.triggered", alertId, 1).getFirst();
        assertThat(onAlerts.get("eventId")).isEqualTo(onBus.get("eventId"));
        JsonNode payload = onAlerts.get("payload");
        assertThat(payload.get("userId").asString()).isEqualTo(ada.id());
        assertThat(payload.get("symbol").asString()).isEqualTo(acme);
        assertThat(payload.get("condition").asString()).isEqualTo("crossing_up");
        assertThat(payload.get("previousPrice").decimalValue()).isEqualByComparingTo("99.5");
        assertThat(payload.get("sequence").asLong()).isEqualTo(3);
    }

    @Test
    void an_every_time_greater_than_fires_once_per_stretch_above_and_a_redelivered_or_late_tick_fires_nothing() {
        User bob = user();
        String acme = listed("90");
        String alertId = createOk(bob, alert(acme, "greater_than", "threshold", "100", "frequency", "every_time"));

        byte[] above = ticked(acme, 1, "101");
        evaluateAlerts.accept(List.of(above, above));
        evaluateAlerts.accept(List.of(ticked(acme, 1, "101"))); // the same tick under a new event id
        evaluateAlerts.accept(List.of(ticked(acme, 2, "102")));
        evaluateAlerts.accept(List.of(ticked(acme, 4, "99"), ticked(acme, 3, "150"))); // 3 arrives after 4
        evaluateAlerts.accept(List.of(ticked(acme, 5, "103")));

        JsonNode alert = awaitAlert(bob, alertId, a -> a.get("triggerCount").asInt() == 2);
        assertThat(alert.get("status").asString()).isEqualTo("active");
        assertThat(alert.get("lastTriggeredSequence").asLong()).isEqualTo(5);
        assertThat(jdbc.sql("""
                        SELECT string_agg(payload->>'sequence', ',' ORDER BY version) FROM event_store_events
                         WHERE stream_id = ? AND event_type IN ('alert.triggered', 'alert.rearmed')""")
                .param("alert-book-" + acme).query(String.class).single()).isEqualTo("1,4,5");
    }

    @Test
    void a_percent_move_from_the_last_price_fires_down_and_carries_the_level() {
        User cy = user();
        String acme = listed("200");
        String alertId = createOk(cy, alert(acme, "percent_move", "percent", "5", "direction", "down"));
        JsonNode created = awaitAlert(cy, alertId, a -> a.get("referencePrice") != null);
        assertThat(equal(created, "referencePrice", "200")).isTrue();

        publishTicks(acme, "195", "190.01", "190");

        awaitAlert(cy, alertId, a -> "triggered".equals(a.get("status").asString()) && equal(a, "lastTriggeredPrice", "190"));
        assertThat(jdbc.sql("""
                        SELECT payload->>'threshold' FROM event_store_events
                         WHERE event_type = 'alert.triggered' AND payload->>'alertId' = ?""")
                .param(alertId).query(String.class).single()).isEqualTo("190.0000");
    }

    @Test
    void pause_resume_and_delete_are_the_owners_and_a_paused_alert_does_not_fire() {
        User owner = user();
        User other = user();
        String acme = listed("50");
        String alertId = createOk(owner, alert(acme, "less_than", "threshold", "40"));
        String path = "/api/alerts/" + alertId;

        assertThat(http.post(path + "/pause", other.token(), "{}").status()).isEqualTo(404);
        assertThat(http.get(path, other.token()).status()).isEqualTo(404);
        assertThat(http.get("/api/alerts", other.token()).body().get("items").size()).isZero();
        assertThat(http.get(path, null).status()).isEqualTo(401);

        var paused = http.post(path + "/pause", owner.token(), "{}");
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        awaitAlert(owner, alertId, a -> "paused".equals(a.get("status").asString()));
        evaluateAlerts.accept(List.of(ticked(acme, 1, "30")));
        assertThat(http.get("/api/alerts?status=paused", owner.token()).body().get("items").size()).isEqualTo(1);

        assertThat(http.post(path + "/resume", owner.token(), "{}").status()).isEqualTo(200);
        evaluateAlerts.accept(List.of(ticked(acme, 2, "35")));
        awaitAlert(owner, alertId, a -> "triggered".equals(a.get("status").asString()));
        assertThat(triggeredEvents(alertId)).isEqualTo(1);
        assertThat(http.post(path + "/pause", owner.token(), "{}").status()).isEqualTo(409);

        assertThat(http.post(path + "/delete", owner.token(), "{}").status()).isEqualTo(200);
        awaitAlert(owner, alertId, a -> "deleted".equals(a.get("status").asString()));
        assertThat(http.get("/api/alerts", owner.token()).body().get("items").size()).isZero();
        assertThat(http.post("/api/alerts/0190a0b0-0000-7000-8000-000000000001/pause", owner.token(), "{}").status())
                .isEqualTo(404);
    }

    @Test
    void an_alert_past_its_expiry_is_expired_by_the_job_and_never_fires() {
        User dee = user();
        String acme = listed("10");
        Instant expiry = clock.instant().plus(Duration.ofMinutes(5));
        String alertId = createOk(dee, alert(acme, "greater_than", "threshold", "11", "expiresAt", expiry.toString()));
        awaitAlert(dee, alertId, a -> "active".equals(a.get("status").asString()));

        clock.set(expiry.plusSeconds(1));
        try {
            assertThat(expireAlerts.get().processed()).isGreaterThanOrEqualTo(1);
            awaitAlert(dee, alertId, a -> "expired".equals(a.get("status").asString()));
            evaluateAlerts.accept(List.of(ticked(acme, 1, "50")));
            assertThat(triggeredEvents(alertId)).isZero();
            assertThat(onTopic("transport.automation", "alert.expired", alertId, 1)).hasSize(1);
        } finally {
            clock.set(Instant.now());
        }
    }

    @Test
    void a_retried_creation_with_the_same_idempotency_key_creates_one_alert_and_answers_its_id() {
        User eve = user();
        String acme = listed("10");
        String body = io.tradecore.kernel.testing.TestHttp.json(alert(acme, "crossing", "threshold", "12"));
        var first = http.post("/api/alerts/create", eve.token(), body, "Idempotency-Key", "alert-1");
        var again = http.post("/api/alerts/create", eve.token(), body, "Idempotency-Key", "alert-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(again.text("alertId")).isEqualTo(first.text("alertId"));
        assertThat(alertEvents(acme)).isEqualTo(1);
        awaitAlert(eve, first.text("alertId"), a -> "active".equals(a.get("status").asString()));
        assertThat(http.get("/api/alerts", eve.token()).body().get("items").size()).isEqualTo(1);
    }
}
