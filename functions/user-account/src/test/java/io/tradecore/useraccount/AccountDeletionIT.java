package io.tradecore.useraccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradecore.kernel.testing.TestHttp;
import io.tradecore.useraccount.readmodel.UserProjection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Deleting an account over HTTP: who may, what the user must re-confirm, and what is left afterwards (nothing
 * personal in the read model, the cache, the claims or the password store; no sign-in; no further change).
 */
class AccountDeletionIT extends UserAccountIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    StringRedisTemplate redis;

    @Test
    void a_user_deletes_their_account_with_their_password_and_nothing_personal_is_left() {
        User user = register();
        var profiled = http.post("/api/users/" + user.id() + "/update-profile", user.token(),
                TestHttp.json(Map.of("displayName", "Ada Lovelace", "bio", "analyst", "timezone", "Europe/London")));
        assertThat(profiled.status()).as(profiled.toString()).isEqualTo(200);
        String key = UserProjection.cacheKey(user.id());
        await().atMost(PATIENCE).until(() -> {
            var read = http.get("/api/users/" + user.id(), user.token(), "X-Consistency-Token", user.id() + "@2");
            return read.status() == 200 && redis.hasKey(key);
        });

        var deleted = http.post("/api/users/" + user.id() + "/delete", user.token(),
                TestHttp.json(Map.of("password", user.password())));

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(eventType(user.id(), 3)).isEqualTo("user.deleted");
        assertThat(jdbc.sql("SELECT payload::text FROM event_store_events WHERE stream_id = ? AND version = 3")
                .param(user.id()).query(String.class).single())
                .doesNotContain(user.username(), user.email(), "Ada");
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM users WHERE id = ?::uuid").param(user.id())
                .query(Long.class).single() == 0);
        await().atMost(PATIENCE).until(() -> !redis.hasKey(key));
        assertThat(http.get("/api/users/" + user.id(), user.token()).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM unique_claims WHERE owner = ?").param(user.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM user_credentials WHERE user_id = ?::uuid").param(user.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM event_store_snapshots WHERE stream_id = ?").param(user.id())
                .query(Long.class).single()).isZero();

        var signIn = http.post("/api/auth/token", null,
                TestHttp.json(Map.of("username", user.username(), "password", user.password())));
        assertThat(signIn.status()).isEqualTo(401);
        assertThat(signIn.text("code")).isEqualTo("invalid-credentials");
    }

    @Test
    void a_deleted_account_cannot_be_changed_or_deleted_again_with_a_token_issued_before() {
        User user = register();
        assertThat(http.post("/api/users/" + user.id() + "/delete", adminToken(), "{}").status()).isEqualTo(200);
        long events = eventsIn(user.id());

        var update = http.post("/api/users/" + user.id() + "/update-profile", user.token(),
                TestHttp.json(Map.of("displayName", "back again")));
        var again = http.post("/api/users/" + user.id() + "/delete", user.token(),
                TestHttp.json(Map.of("password", user.password())));
        var email = http.post("/api/users/" + user.id() + "/change-email", user.token(),
                TestHttp.json(Map.of("email", unique("x") + "@example.com")));

        for (var answer : new TestHttp.Response[] {update, again, email}) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
            assertThat(answer.text("code")).isEqualTo("user-deleted");
        }
        assertThat(eventsIn(user.id())).isEqualTo(events);
    }

    @Test
    void the_username_and_email_of_a_deleted_account_are_free_for_a_new_one() {
        User first = register();
        assertThat(http.post("/api/users/" + first.id() + "/delete", first.token(),
                TestHttp.json(Map.of("password", first.password()))).status()).isEqualTo(200);

        User second = register(first.username());

        assertThat(second.id()).isNotEqualTo(first.id());
        var issued = http.post("/api/auth/token", null,
                TestHttp.json(Map.of("username", first.username(), "password", first.password())));
        assertThat(issued.status()).isEqualTo(200);
        assertThat(http.get("/api/users/" + first.id(), issued.text("access_token")).status()).isEqualTo(404);
    }

    @Test
    void deleting_needs_the_owners_password_or_an_administrator_and_a_refusal_writes_nothing() {
        User owner = register();
        User intruder = register();

        var byIntruder = http.post("/api/users/" + owner.id() + "/delete", intruder.token(),
                TestHttp.json(Map.of("password", intruder.password())));
        var withoutPassword = http.post("/api/users/" + owner.id() + "/delete", owner.token(), "{}");
        var wrongPassword = http.post("/api/users/" + owner.id() + "/delete", owner.token(),
                TestHttp.json(Map.of("password", "not the password")));
        var anonymous = http.post("/api/users/" + owner.id() + "/delete", null, "{}");

        assertThat(byIntruder.status()).isEqualTo(404);
        assertThat(byIntruder.text("code")).isEqualTo("user-not-found");
        assertThat(withoutPassword.status()).isEqualTo(400);
        assertThat(withoutPassword.text("code")).isEqualTo("invalid-password");
        assertThat(wrongPassword.status()).isEqualTo(422);
        assertThat(wrongPassword.text("code")).isEqualTo("password-mismatch");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(eventsIn(owner.id())).isEqualTo(1);
        assertThat(token(owner.username(), owner.password())).isNotBlank();
    }

    private String eventType(String streamId, long version) {
        return jdbc.sql("SELECT event_type FROM event_store_events WHERE stream_id = ? AND version = ?")
                .params(streamId, version).query(String.class).single();
    }
}
