package io.tradecore.brokerconnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradecore.kernel.function.JobReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code user.deleted} as broker_connection takes it: the user's active connection is closed at the broker and
 * disconnected, their key is destroyed, a connection still being made cannot complete any more and fails, and the
 * deleted user cannot seal new credentials. (The event is handed to the policy as the bus would; the HTTP deletion
 * end to end is {@code UserDeletionIT} in local-dev/stack.)
 */
class UserDeletedIT extends BrokerConnectionIT {

    @Autowired
    @Qualifier("shredDeletedUsersCredentials")
    Consumer<List<byte[]>> policy;

    @Autowired
    @Qualifier("fireBrokerConnectionTimeouts")
    Supplier<JobReport> fireTimeouts;

    @Autowired
    JsonMapper json;

    @Test
    void a_deleted_users_connections_end_and_their_credentials_can_no_longer_be_read_or_sealed() {
        User user = user();
        String activeKey = key("ok");
        String active = connected(user, activeKey, "secret-a");
        awaitStatus(user, active, "active");
        String pendingKey = key("hang-finalize");
        String pending = connected(user, pendingKey, "secret-p");
        await().atMost(TERMINAL).until(() -> STUB.count("POST", "/v2/sessions/session-", pendingKey) == 1);

        byte[] deleted = userDeleted(user.id());
        policy.accept(List.of(deleted));
        policy.accept(List.of(deleted)); // redelivered: repeats nothing

        awaitStatus(user, active, "disconnected");
        assertThat(STUB.count("DELETE", "/v2/sessions/", activeKey)).as("closed at the broker once").isEqualTo(1);
        assertThat(credentialsOf(user.id())).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM credential_keys WHERE user_id = ? AND shredded_at IS NOT NULL")
                .param(user.id()).query(Long.class).single()).isEqualTo(1);

        // the finalize that was under way answers "activated" after the key was destroyed: it is not recorded
        STUB.release("activate", pendingKey);
        await().atMost(TERMINAL).until(() -> jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?")
                .param(pending + ":finalize:do:1").query(Long.class).single() == 1);
        clock.advance(Duration.ofSeconds(61));
        fireTimeouts.get();
        var failed = awaitStatus(user, pending, "failed");
        assertThat(failed.text("failedStep")).isEqualTo("finalize");
        assertThat(eventsOfType(pending, "connection.completed")).isZero();
        assertThat(accountsOf(pending)).isZero();

        var again = connect(user, key("ok"), "secret-b");
        assertThat(again.status()).as(again.toString()).isEqualTo(422);
        assertThat(again.text("code")).isEqualTo("credentials-shredded");
        assertThat(jdbc.sql("SELECT count(*) FROM saga_instances WHERE user_id = ?").param(user.id())
                .query(Long.class).single()).isEqualTo(2);
    }

    private byte[] userDeleted(String userId) {
        return json.writeValueAsBytes(Map.ofEntries(Map.entry("eventId", UUID.randomUUID().toString()),
                Map.entry("streamId", userId), Map.entry("streamType", "user_account"),
                Map.entry("version", 2), Map.entry("position", 1), Map.entry("type", "user.deleted"),
                Map.entry("schemaVersion", 1), Map.entry("occurredAt", clock.instant().toString()),
                Map.entry("correlationId", UUID.randomUUID().toString()),
                Map.entry("causationId", UUID.randomUUID().toString()), Map.entry("userId", userId),
                Map.entry("payload", Map.of("userId", userId))));
    }
}
