package io.tradecore.useraccount.credentials;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The write-side store of password hashes. Rows change only inside the append transactions of the events that
 * justify them (registration, deactivation, deletion); lookups go through the username claim, which is as current as the
 * write side itself, so a user can sign in the moment registration returns.
 */
public final class UserCredentials {

    /** A user's sign-in record. */
    public record Credential(UUID userId, String username, String passwordHash, boolean active) {
    }

    private final JdbcClient jdbc;

    public UserCredentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void create(UUID userId, String passwordHash) {
        jdbc.sql("INSERT INTO user_credentials (user_id, password_hash) VALUES (?, ?)").params(userId, passwordHash).update();
    }

    public void deactivate(UUID userId) {
        jdbc.sql("UPDATE user_credentials SET active = FALSE, updated_at = now() WHERE user_id = ?").param(userId).update();
    }

    /** The user's password hash, if they can still sign in with one (not deleted). */
    public Optional<String> hashOf(UUID userId) {
        return jdbc.sql("SELECT password_hash FROM user_credentials WHERE user_id = ?").param(userId)
                .query(String.class).optional();
    }

    /** Deletion: the hash is personal data too, and nobody signs in to a deleted account. */
    public void delete(UUID userId) {
        jdbc.sql("DELETE FROM user_credentials WHERE user_id = ?").param(userId).update();
    }

    public Optional<Credential> byUsername(String scope, String username) {
        return jdbc.sql("""
                        SELECT c.user_id, c.password_hash, c.active
                          FROM unique_claims u JOIN user_credentials c ON c.user_id = u.owner::uuid
                         WHERE u.scope = ? AND u.value = ?""")
                .params(scope, username)
                .query((rs, row) -> new Credential(rs.getObject("user_id", UUID.class), username,
                        rs.getString("password_hash"), rs.getBoolean("active")))
                .optional();
    }
}
