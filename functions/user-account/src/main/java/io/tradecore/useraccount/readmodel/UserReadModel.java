package io.tradecore.useraccount.readmodel;

import io.tradecore.useraccount.api.UserPage;
import io.tradecore.useraccount.api.UserView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL over the {@code users} read model. */
public final class UserReadModel {

    private static final String COLUMNS =
            "id, username, email, display_name, bio, timezone, status, created_at, updated_at, version";

    private final JdbcClient jdbc;

    public UserReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserView> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?").param(id).query(UserReadModel::view).optional();
    }

    public Optional<UserView> byUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username = ?").param(username)
                .query(UserReadModel::view).optional();
    }

    public UserPage page(int page, int size) {
        List<UserView> items = jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY created_at, id LIMIT ? OFFSET ?")
                .params(size, (long) page * size).query(UserReadModel::view).list();
        long total = jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
        return new UserPage(items, page, size, total);
    }

    private static UserView view(ResultSet rs, int row) throws SQLException {
        return new UserView(rs.getString("id"), rs.getString("username"), rs.getString("email"),
                rs.getString("display_name"), rs.getString("bio"), rs.getString("timezone"), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
