package io.tradecore.brokerconnection.readmodel;

import io.tradecore.brokerconnection.api.ConnectionView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads of {@code connections}. */
public final class ConnectionReadModel {

    private static final TypeReference<List<String>> REFS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ConnectionReadModel(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<ConnectionView> byId(UUID id) {
        return jdbc.sql("SELECT * FROM connections WHERE connection_id = :id").param("id", id)
                .query((rs, n) -> view(rs)).optional();
    }

    public List<ConnectionView> byUser(String userId) {
        return jdbc.sql("SELECT * FROM connections WHERE user_id = :user ORDER BY requested_at DESC, connection_id LIMIT 200")
                .param("user", userId).query((rs, n) -> view(rs)).list();
    }

    private ConnectionView view(ResultSet rs) throws SQLException {
        return new ConnectionView(rs.getString("connection_id"), rs.getString("user_id"), rs.getString("broker"),
                rs.getString("status"), rs.getString("stage"), rs.getString("failed_step"),
                rs.getString("failure_code"), rs.getString("failure_reason"),
                json.readValue(rs.getString("accounts"), REFS), rs.getTimestamp("requested_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
