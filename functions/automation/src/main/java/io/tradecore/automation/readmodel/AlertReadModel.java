package io.tradecore.automation.readmodel;

import io.tradecore.automation.api.AlertView;
import io.tradecore.automation.domain.AlertStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads of {@code alerts}, always for one owner; and the expiry job's candidates. */
public final class AlertReadModel {

    private static final TypeReference<Map<String, Object>> ACTION = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AlertReadModel(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The owner's alerts in {@code status}, or all but deleted ones; newest first, at most 500. */
    public List<AlertView> list(UUID owner, AlertStatus status) {
        return jdbc.sql("""
                        SELECT * FROM alerts
                         WHERE user_id = :owner AND (CAST(:status AS TEXT) IS NULL AND status <> 'deleted'
                                                     OR status = CAST(:status AS TEXT))
                         ORDER BY created_at DESC, alert_id DESC LIMIT 500""")
                .param("owner", owner).param("status", status == null ? null : status.toString())
                .query(this::view).list();
    }

    public Optional<AlertView> byId(UUID alertId) {
        return jdbc.sql("SELECT * FROM alerts WHERE alert_id = ?").param(alertId).query(this::view).optional();
    }

    /** Symbols whose books hold live alerts due to expire by {@code now}, as far as the read model knows. */
    public List<String> symbolsDueToExpire(Instant now) {
        return jdbc.sql("""
                        SELECT DISTINCT symbol FROM alerts
                         WHERE status IN ('active', 'paused') AND expires_at <= :now""")
                .param("now", Timestamp.from(now)).query(String.class).list();
    }

    private AlertView view(ResultSet rs, int row) throws SQLException {
        String action = rs.getString("action");
        Long sequence = rs.getObject("last_triggered_sequence", Long.class);
        return new AlertView(rs.getString("alert_id"), rs.getString("user_id"), rs.getString("symbol"),
                rs.getString("condition"), rs.getBigDecimal("threshold"), rs.getBigDecimal("percent"),
                rs.getString("direction"), rs.getBigDecimal("reference_price"), rs.getString("frequency"),
                rs.getString("status"), instant(rs, "expires_at"),
                action == null ? null : json.readValue(action, ACTION), rs.getInt("trigger_count"),
                rs.getBigDecimal("last_triggered_price"), rs.getBigDecimal("last_triggered_previous_price"),
                sequence, instant(rs, "last_triggered_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
