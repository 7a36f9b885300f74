package io.tradecore.automation.readmodel;

import io.tradecore.automation.domain.AlertEvent;
import io.tradecore.automation.domain.AlertEvent.AlertCreated;
import io.tradecore.automation.domain.AlertEvent.AlertDeleted;
import io.tradecore.automation.domain.AlertEvent.AlertExpired;
import io.tradecore.automation.domain.AlertEvent.AlertPaused;
import io.tradecore.automation.domain.AlertEvent.AlertRearmed;
import io.tradecore.automation.domain.AlertEvent.AlertResumed;
import io.tradecore.automation.domain.AlertEvent.AlertTriggered;
import io.tradecore.automation.domain.AlertEvent.PriceObserved;
import io.tradecore.automation.domain.AlertStatus;
import io.tradecore.automation.domain.Frequency;
import io.tradecore.automation.domain.Price;
import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.projection.Projection;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Keeps {@code alerts} in step with the alert books' events; the book's own price records change no row. */
public final class AlertProjection implements Projection<AlertEvent> {

    public static final String NAME = "alerts";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AlertProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<String> tables() {
        return List.of("alerts");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AlertEvent> eventType() {
        return AlertEvent.class;
    }

    @Override
    public void apply(EventEnvelope<AlertEvent> event) {
        long version = event.version();
        switch (event.payload()) {
            case AlertCreated e -> created(e, version);
            case AlertPaused e -> status(e.alertId().value(), AlertStatus.PAUSED, e.at(), version);
            case AlertResumed e -> status(e.alertId().value(), AlertStatus.ACTIVE, e.at(), version);
            case AlertDeleted e -> status(e.alertId().value(), AlertStatus.DELETED, e.at(), version);
            case AlertExpired e -> status(e.alertId().value(), AlertStatus.EXPIRED, e.at(), version);
            case AlertTriggered e -> triggered(e, version);
            case AlertRearmed e -> { }
            case PriceObserved e -> { }
        }
    }

    private void created(AlertCreated e, long version) {
        jdbc.sql("""
                        INSERT INTO alerts (alert_id, user_id, symbol, condition, threshold, percent, direction,
                                            reference_price, frequency, status, expires_at, action, created_at,
                                            updated_at, version)
                        VALUES (:id, :user, :symbol, :condition, :threshold, :percent, :direction, :reference,
                                :frequency, 'active', :expiresAt, CAST(:action AS JSONB), :at, :at, :version)
                        ON CONFLICT (alert_id) DO NOTHING""")
                .param("id", e.alertId().value()).param("user", e.userId()).param("symbol", e.symbol().value())
                .param("condition", e.condition().toString()).param("threshold", value(e.threshold()))
                .param("percent", e.percent() == null ? null : e.percent().value())
                .param("direction", e.direction() == null ? null : e.direction().toString())
                .param("reference", value(e.referencePrice())).param("frequency", e.frequency().toString())
                .param("expiresAt", timestamp(e.expiresAt()))
                .param("action", e.action() == null ? null : json.writeValueAsString(e.action()))
                .param("at", timestamp(e.at())).param("version", version).update();
    }

    private void status(java.util.UUID alertId, AlertStatus status, Instant at, long version) {
        jdbc.sql("UPDATE alerts SET status = :status, updated_at = :at, version = :version WHERE alert_id = :id")
                .param("status", status.toString()).param("at", timestamp(at)).param("version", version)
                .param("id", alertId).update();
    }

    private void triggered(AlertTriggered e, long version) {
        jdbc.sql("""
                        UPDATE alerts SET trigger_count = trigger_count + 1, last_triggered_price = :price,
                                          last_triggered_previous_price = :previous, last_triggered_sequence = :sequence,
                                          last_triggered_at = :at, status = :status, updated_at = :at, version = :version
                         WHERE alert_id = :id""")
                .param("price", value(e.price())).param("previous", value(e.previousPrice()))
                .param("sequence", e.sequence()).param("at", timestamp(e.at()))
                .param("status", (e.frequency() == Frequency.ONCE ? AlertStatus.TRIGGERED : AlertStatus.ACTIVE).toString())
                .param("version", version).param("id", e.alertId().value()).update();
    }

    private static BigDecimal value(Price price) {
        return price == null ? null : price.value();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
