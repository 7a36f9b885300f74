package io.tradecore.useraccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.testing.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A retried command with the same Idempotency-Key has one effect and gets the first answer. */
class IdempotencyIT extends UserAccountIT {

    @Test
    void a_retry_with_the_same_key_returns_the_first_answer_and_changes_nothing() {
        User user = register();
        String path = "/api/users/" + user.id() + "/update-profile";
        String body = TestHttp.json(Map.of("displayName", "Grace"));
        String key = unique("key-");

        var first = http.post(path, user.token(), body, "Idempotency-Key", key);
        var retry = http.post(path, user.token(), body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.raw()).isEqualTo(first.raw());
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(eventsIn(user.id())).isEqualTo(2);

        // A later, different change is not confused with the retried one.
        var other = http.post(path, user.token(), TestHttp.json(Map.of("displayName", "Grace H")));
        assertThat(other.body().get("version").asLong()).isEqualTo(3);
        assertThat(http.post(path, user.token(), body, "Idempotency-Key", key).raw()).isEqualTo(first.raw());
        assertThat(eventsIn(user.id())).isEqualTo(3);
    }

    @Test
    void the_same_key_with_another_body_is_refused() {
        User user = register();
        String path = "/api/users/" + user.id() + "/update-profile";
        String key = unique("key-");
        assertThat(http.post(path, user.token(), TestHttp.json(Map.of("displayName", "One")), "Idempotency-Key", key)
                .status()).isEqualTo(200);

        var reused = http.post(path, user.token(), TestHttp.json(Map.of("displayName", "Two")), "Idempotency-Key", key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.text("code")).isEqualTo("idempotency-key-reused");
        assertThat(eventsIn(user.id())).isEqualTo(2);
    }

    @Test
    void a_registration_retried_with_its_key_creates_one_user() {
        String username = unique("idem");
        String body = TestHttp.json(Map.of("username", username, "email", username + "@example.com",
                "password", "correct horse battery"));
        String key = unique("key-");

        var first = http.post("/api/users/create", null, body, "Idempotency-Key", key);
        var retry = http.post("/api/users/create", null, body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("streamId")).isEqualTo(first.text("streamId"));
        assertThat(jdbc.sql("SELECT count(*) FROM unique_claims WHERE scope = 'user_account.username' AND value = ?")
                .param(username).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_refusal_is_the_first_answer_too() {
        User user = register();
        String path = "/api/users/" + user.id() + "/change-email";
        String key = unique("key-");
        String body = TestHttp.json(Map.of("email", "new-" + user.email()));

        var refused = http.post(path, user.token(), body, "Idempotency-Key", key, "If-Match", "\"7\"");
        var retried = http.post(path, user.token(), body, "Idempotency-Key", key, "If-Match", "\"7\"");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(retried.status()).isEqualTo(409);
        assertThat(retried.text("code")).isEqualTo("version-mismatch");
        assertThat(eventsIn(user.id())).isEqualTo(1);
    }

    @Test
    void a_malformed_key_is_refused() {
        User user = register();
        var answer = http.post("/api/users/" + user.id() + "/update-profile", user.token(),
                TestHttp.json(Map.of("displayName", "x")), "Idempotency-Key", "x".repeat(300));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(eventsIn(user.id())).isEqualTo(1);
    }
}
