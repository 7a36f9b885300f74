package io.tradecore.useraccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.testing.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets a 4xx problem with a machine-readable code, and nothing is written. */
class BadInputIT extends UserAccountIT {

    private long eventsBefore;
    private long claimsBefore;

    @BeforeEach
    void count() {
        eventsBefore = allEvents();
        claimsBefore = jdbc.sql("SELECT count(*) FROM unique_claims").query(Long.class).single();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON                 | {"username": "ann", "email":                                         | invalid-body
            not an object                  | ["ann"]                                                              | invalid-body
            missing username               | {"email":"a@example.com","password":"correct horse battery"}         | invalid-username
            missing password               | {"username":"annabel","email":"a@example.com"}                       | invalid-password
            username too long              | {"username":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","email":"a@example.com","password":"correct horse battery"} | invalid-username
            username with spaces           | {"username":"ann bell","email":"a@example.com","password":"correct horse battery"} | invalid-username
            email without domain           | {"username":"annabel","email":"annabel","password":"correct horse battery"} | invalid-email
            password too short             | {"username":"annabel","email":"a@example.com","password":"short"}     | invalid-password
            username of the wrong type     | {"username":12345,"email":"a@example.com","password":"correct horse battery"} | invalid-username
            email of the wrong type        | {"username":"annabel","email":{"a":1},"password":"correct horse battery"} | invalid-email
            unknown field                  | {"username":"annabel","email":"a@example.com","password":"correct horse battery","admin":true} | invalid-admin
            trailing garbage               | {"username":"annabel","email":"a@example.com","password":"correct horse battery"} x | invalid-body
            """)
    void a_bad_registration_is_refused_and_writes_nothing(String why, String body, String code) {
        var answer = http.post("/api/users/create", null, body);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(answer.text("code")).isEqualTo(code);
        assertThat(answer.text("detail")).isNotBlank();
        assertNothingWritten();
    }

    @Test
    void an_oversized_profile_is_refused() {
        User user = register();
        long before = allEvents();
        var answer = http.post("/api/users/" + user.id() + "/update-profile", user.token(),
                TestHttp.json(Map.of("displayName", "x".repeat(101))));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("code")).isEqualTo("invalid-displayName");
        assertThat(answer.body().get("errors").get(0).get("field").asString()).isEqualTo("displayName");
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void a_body_over_the_limit_is_refused_before_it_is_parsed() {
        var answer = http.post("/api/users/create", null,
                "{\"username\":\"annabel\",\"displayName\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.text("code")).isEqualTo("body-too-large");
        assertNothingWritten();
    }

    @Test
    void a_path_id_that_is_not_a_uuid_is_refused() {
        User user = register();
        long before = allEvents();
        var answer = http.post("/api/users/not-a-uuid/update-profile", user.token(), TestHttp.json(Map.of("displayName", "x")));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("code")).isEqualTo("invalid-userId");
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void a_body_that_contradicts_the_url_is_refused() {
        User user = register();
        User other = register();
        long before = allEvents();
        var answer = http.post("/api/users/" + user.id() + "/update-profile", user.token(),
                TestHttp.json(Map.of("userId", other.id(), "displayName", "x")));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void a_malformed_consistency_token_or_version_is_refused() {
        User user = register();
        assertThat(http.get("/api/users/" + user.id(), user.token(), "X-Consistency-Token", "garbage").status()).isEqualTo(400);
        assertThat(http.post("/api/users/" + user.id() + "/update-profile", user.token(),
                TestHttp.json(Map.of("displayName", "x")), "If-Match", "yesterday").status()).isEqualTo(400);
    }

    private void assertNothingWritten() {
        assertThat(allEvents()).isEqualTo(eventsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM unique_claims").query(Long.class).single()).isEqualTo(claimsBefore);
    }
}
