package io.tradecore.useraccount.readmodel;

import io.tradecore.kernel.cache.ReadModelCache;
import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.projection.Projection;
import io.tradecore.useraccount.domain.Profile;
import io.tradecore.useraccount.domain.UserEvent;
import io.tradecore.useraccount.domain.UserEvent.EmailChanged;
import io.tradecore.useraccount.domain.UserEvent.ProfileUpdated;
import io.tradecore.useraccount.domain.UserEvent.UserDeactivated;
import io.tradecore.useraccount.domain.UserEvent.UserDeleted;
import io.tradecore.useraccount.domain.UserEvent.UserRegistered;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the {@code users} table in step with the user streams, and drops cached profiles once changes commit. A
 * deleted user's row is removed, not anonymized: nothing of the person stays in the read model (a later query
 * answers 404), and the cached {@code user:{id}:profile} is evicted with the commit.
 */
public final class UserProjection implements Projection<UserEvent> {

    private final JdbcClient jdbc;
    private final ReadModelCache cache;

    public UserProjection(JdbcClient jdbc, ReadModelCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    public static String cacheKey(String userId) {
        return "user:" + userId + ":profile";
    }

    @Override
    public String name() {
        return "users";
    }

    @Override
    public List<String> tables() {
        return List.of("users");
    }

    @Override
    public Class<UserEvent> eventType() {
        return UserEvent.class;
    }

    @Override
    public void apply(EventEnvelope<UserEvent> event) {
        Timestamp at = Timestamp.from(event.occurredAt());
        switch (event.payload()) {
            case UserRegistered e -> {
                Profile profile = e.profile();
                jdbc.sql("""
                                INSERT INTO users (id, username, email, display_name, status, created_at, updated_at, version)
                                VALUES (:id, :username, :email, :displayName, 'active', :at, :at, :version)""")
                        .param("id", e.userId().value())
                        .param("username", e.username().value())
                        .param("email", e.email().value())
                        .param("displayName", profile == null ? null : profile.displayName())
                        .param("at", at)
                        .param("version", event.version())
                        .update();
            }
            case ProfileUpdated e -> update(event, """
                    UPDATE users SET display_name = :displayName, bio = :bio, timezone = :timezone,
                                     updated_at = :at, version = :version
                     WHERE id = :id""", at, e.profile().displayName(), e.profile().bio(), e.profile().timezone());
            case EmailChanged e -> jdbc.sql("UPDATE users SET email = :email, updated_at = :at, version = :version WHERE id = :id")
                    .param("email", e.email().value()).param("at", at).param("version", event.version())
                    .param("id", e.userId().value()).update();
            case UserDeleted e -> jdbc.sql("DELETE FROM users WHERE id = :id").param("id", e.userId().value()).update();
            case UserDeactivated e -> jdbc.sql("""
                            UPDATE users SET status = 'deactivated', updated_at = :at, version = :version WHERE id = :id""")
                    .param("at", at).param("version", event.version()).param("id", e.userId().value()).update();
        }
    }

    private void update(EventEnvelope<UserEvent> event, String sql, Timestamp at, String displayName, String bio,
                        String timezone) {
        jdbc.sql(sql).param("displayName", displayName).param("bio", bio).param("timezone", timezone)
                .param("at", at).param("version", event.version()).param("id", event.payload().userId().value())
                .update();
    }

    @Override
    public void afterCommit(List<EventEnvelope<UserEvent>> applied) {
        cache.evict(applied.stream().map(event -> cacheKey(event.streamId())).distinct().toList());
    }
}
