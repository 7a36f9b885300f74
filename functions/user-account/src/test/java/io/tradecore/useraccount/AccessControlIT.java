package io.tradecore.useraccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.testing.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user sees and changes only their own data; the actor always comes from a verified token. */
class AccessControlIT extends UserAccountIT {

    @Test
    void another_users_token_can_neither_read_nor_change_a_profile() {
        User owner = register();
        User intruder = register();
        long before = eventsIn(owner.id());

        var read = http.get("/api/users/" + owner.id(), intruder.token());
        var byName = http.get("/api/users/by-username/" + owner.username(), intruder.token());
        var update = http.post("/api/users/" + owner.id() + "/update-profile", intruder.token(),
                TestHttp.json(Map.of("displayName", "pwned")));
        var email = http.post("/api/users/" + owner.id() + "/change-email", intruder.token(),
                TestHttp.json(Map.of("email", "pwned@example.com")));
        var deactivate = http.post("/api/users/" + owner.id() + "/deactivate", intruder.token(), "{}");

        assertThat(read.status()).isEqualTo(404);
        assertThat(update.status()).isEqualTo(404);
        assertThat(email.status()).isEqualTo(404);
        assertThat(deactivate.status()).isEqualTo(404);
        assertThat(update.text("code")).isEqualTo("user-not-found");
        assertThat(eventsIn(owner.id())).isEqualTo(before);
        // by-username answers "not found" once the read model has the owner, and never the owner's data
        assertThat(byName.status()).isEqualTo(404);
    }

    @Test
    void requests_without_a_valid_token_are_refused() {
        User owner = register();
        var anonymous = http.get("/api/users/" + owner.id(), null);
        var forged = http.get("/api/users/" + owner.id(), owner.token().substring(0, owner.token().length() - 4) + "AAAA");
        var garbage = http.post("/api/users/" + owner.id() + "/update-profile", "not.a.token", "{\"displayName\":\"x\"}");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text("code")).isEqualTo("unauthenticated");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(eventsIn(owner.id())).isEqualTo(1);
    }

    @Test
    void a_wrong_password_gets_no_token_and_no_hint_which_part_was_wrong() {
        User owner = register();
        var wrongPassword = http.post("/api/auth/token", null,
                TestHttp.json(Map.of("username", owner.username(), "password", "not the password")));
        var unknownUser = http.post("/api/auth/token", null,
                TestHttp.json(Map.of("username", unique("nobody"), "password", "not the password")));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.text("detail")).isEqualTo(unknownUser.text("detail"));
    }

    @Test
    void the_password_is_stored_only_as_an_argon2_hash_and_never_in_events() {
        User owner = register();
        String hash = jdbc.sql("SELECT password_hash FROM user_credentials WHERE user_id = ?::uuid")
                .param(owner.id()).query(String.class).single();
        assertThat(hash).startsWith("$argon2id$").doesNotContain(owner.password());
        long leaks = jdbc.sql("SELECT count(*) FROM event_store_events WHERE payload::text LIKE ?")
                .param("%" + owner.password() + "%").query(Long.class).single();
        assertThat(leaks).isZero();
    }

    @Test
    void metrics_are_for_administrators_and_health_and_the_api_description_are_public() {
        User user = register();
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
        var api = http.get("/api/openapi.json", null);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body().get("paths").get("/api/users/{userId}/change-email").get("post").get("operationId")
                .asString()).isEqualTo("changeEmail");
        assertThat(http.get("/actuator/metrics", user.token()).status()).isEqualTo(403);
    }
}
