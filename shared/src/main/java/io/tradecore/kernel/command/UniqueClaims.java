package io.tradecore.kernel.command;

import io.tradecore.kernel.domain.Rejection;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Set-wide uniqueness that no single stream can guard (one username across all users). A claim is a row under
 * a primary key, written in the same transaction as the events that make it true; two racing writers meet at
 * that key and exactly one commits.
 */
public final class UniqueClaims {

    private final JdbcClient jdbc;

    public UniqueClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims {@code value} in {@code scope} for {@code owner}; claiming one's own value again is allowed. */
    public void claim(String scope, String value, String owner, Supplier<Rejection> taken) {
        int inserted = jdbc.sql("INSERT INTO unique_claims (scope, value, owner) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(scope, value, owner).update();
        if (inserted == 0 && !ownerOf(scope, value).map(owner::equals).orElse(false)) {
            throw taken.get();
        }
    }

    public void release(String scope, String value, String owner) {
        jdbc.sql("DELETE FROM unique_claims WHERE scope = ? AND value = ? AND owner = ?").params(scope, value, owner).update();
    }

    public Optional<String> ownerOf(String scope, String value) {
        return jdbc.sql("SELECT owner FROM unique_claims WHERE scope = ? AND value = ?")
                .params(scope, value).query(String.class).optional();
    }
}
