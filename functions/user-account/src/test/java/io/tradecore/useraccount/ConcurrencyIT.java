package io.tradecore.useraccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.testing.TestHttp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import io.tradecore.kernel.eventstore.EventMetadata;
import io.tradecore.kernel.eventstore.EventStore;
import io.tradecore.useraccount.domain.Email;
import io.tradecore.useraccount.domain.UserEvent;
import io.tradecore.useraccount.domain.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Races that must have exactly one winner. */
class ConcurrencyIT extends UserAccountIT {

    @Autowired
    EventStore store;

    @Test
    void two_conflicting_changes_based_on_the_same_version_apply_exactly_one() throws Exception {
        User user = register();
        String path = "/api/users/" + user.id() + "/change-email";
        List<TestHttp.Response> answers = race(2, i -> http.post(path, user.token(),
                TestHttp.json(Map.of("email", "racer" + i + "-" + user.username() + "@example.com")), "If-Match", "\"1\""));

        assertThat(answers).extracting(TestHttp.Response::status).containsExactlyInAnyOrder(200, 409);
        TestHttp.Response loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(loser.text("code")).isEqualTo("version-mismatch");
        assertThat(eventsIn(user.id())).isEqualTo(2);
        String winner = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow().text("streamId");
        assertThat(winner).isEqualTo(user.id());
    }

    @Test
    void concurrent_changes_without_a_version_are_all_applied_in_some_order_on_fresh_state() throws Exception {
        User user = register();
        String path = "/api/users/" + user.id() + "/update-profile";
        List<TestHttp.Response> answers = race(8, i -> http.post(path, user.token(),
                TestHttp.json(Map.of("displayName", "name " + i))));

        assertThat(answers).extracting(TestHttp.Response::status).containsOnly(200);
        assertThat(answers).extracting(a -> a.body().get("version").asLong())
                .containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(eventsIn(user.id())).isEqualTo(9);
    }

    @Test
    void fifty_concurrent_registrations_of_one_username_create_exactly_one_user() throws Exception {
        String username = unique("race");
        List<TestHttp.Response> answers = race(50, i -> http.post("/api/users/create", null, TestHttp.json(Map.of(
                "username", username, "email", username + i + "@example.com", "password", "correct horse battery"))));

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() == 409))
                .hasSize(49)
                .allSatisfy(a -> assertThat(a.text("code")).isEqualTo("username-taken"));
        long registrations = jdbc.sql("""
                        SELECT count(*) FROM event_store_events
                         WHERE event_type = 'user.registered' AND payload->>'username' = ?""")
                .param(username).query(Long.class).single();
        assertThat(registrations).isEqualTo(1);
        long credentials = jdbc.sql("SELECT count(*) FROM user_credentials c JOIN unique_claims u ON u.owner::uuid = c.user_id"
                + " WHERE u.scope = 'user_account.username' AND u.value = ?").param(username).query(Long.class).single();
        assertThat(credentials).isEqualTo(1);
    }

    @Test
    void two_users_cannot_end_up_with_the_same_email() throws Exception {
        User first = register();
        User second = register();
        String shared = unique("shared") + "@example.com";
        List<TestHttp.Response> answers = race(2, i -> {
            User user = i == 0 ? first : second;
            return http.post("/api/users/" + user.id() + "/change-email", user.token(), TestHttp.json(Map.of("email", shared)));
        });
        assertThat(answers).extracting(TestHttp.Response::status).containsExactlyInAnyOrder(200, 409);
        assertThat(answers).anySatisfy(a -> assertThat(a.text("code")).isEqualTo("email-taken"));
    }

    @Test
    void a_stream_changed_by_another_process_is_decided_on_its_fresh_state() {
        User user = register();
        String path = "/api/users/" + user.id() + "/change-email";
        assertThat(http.post(path, user.token(), TestHttp.json(Map.of("email", "one-" + user.email()))).status())
                .isEqualTo(200); // this process now remembers the state at version 2
        // Another instance changes the email: this process has not seen it.
        store.append("user_account", user.id(), 2, List.of(new UserEvent.EmailChanged(UserId.of(user.id()),
                        new Email("one-" + user.email()), new Email("two-" + user.email()))),
                new EventMetadata(UUID.randomUUID(), UUID.randomUUID(), user.id()), Instant.now());

        var same = http.post(path, user.token(), TestHttp.json(Map.of("email", "two-" + user.email())));

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.body().get("version").asLong()).as("nothing to do on the fresh state").isEqualTo(3);
        assertThat(eventsIn(user.id())).isEqualTo(3);
    }

    /** Runs n requests released at the same instant. */
    private static List<TestHttp.Response> race(int n, IntFunctionThrows request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<TestHttp.Response>> futures = IntStream.range(0, n).mapToObj(i -> pool.submit((Callable<TestHttp.Response>) () -> {
                start.await();
                return request.apply(i);
            })).toList();
            start.countDown();
            return futures.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    @FunctionalInterface
    private interface IntFunctionThrows {
        TestHttp.Response apply(int i) throws Exception;
    }
}
