package io.tradecore.useraccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.eventstore.EventStore;
import io.tradecore.kernel.function.ConsistencyToken;
import io.tradecore.kernel.outbox.OutboxRelay;
import io.tradecore.kernel.projection.Checkpoints;
import io.tradecore.kernel.projection.ConsistencyWaiter;
import io.tradecore.kernel.projection.Projection;
import io.tradecore.kernel.projection.ProjectionRuntime;
import io.tradecore.kernel.testing.TestHttp;
import io.tradecore.useraccount.domain.UserEvent;
import io.tradecore.useraccount.readmodel.UserProjection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.PessimisticLockingFailureException;

/** At-least-once delivery, exactly-once effect: duplicates and reordering leave the read model right. */
class ProjectionIT extends UserAccountIT {

    @Autowired
    ProjectionRuntime runtime;

    @Autowired
    UserProjection users;

    @Autowired
    EventStore store;

    @Autowired
    OutboxRelay relay;

    @Autowired
    Checkpoints checkpoints;

    @Test
    void the_same_events_delivered_twice_and_out_of_order_are_applied_once_and_in_order() {
        User user;
        relay.pause(); // keep Kafka out of it: this test is the only deliverer
        try {
            user = register();
            http.post("/api/users/" + user.id() + "/update-profile", user.token(), TestHttp.json(Map.of("displayName", "first")));
            http.post("/api/users/" + user.id() + "/update-profile", user.token(), TestHttp.json(Map.of("displayName", "second")));
            List<EventEnvelope<Object>> stream = store.readStream(user.id(), 0);
            assertThat(stream).hasSize(3);
            var v1 = stream.get(0);
            var v2 = stream.get(1);
            var v3 = stream.get(2);
            Counting counting = new Counting(users);

            runtime.handle(counting, List.of(v2, v1, v2));   // reordered, duplicated
            runtime.handle(counting, List.of(v1));           // a late duplicate
            runtime.handle(counting, List.of(v3, v3, v2));   // the rest, again with duplicates

            assertThat(counting.applied).containsExactly(1L, 2L, 3L);
            assertThat(readModel(user.id())).containsEntry("display_name", "second").containsEntry("version", 3L);
        } finally {
            relay.resume();
        }
        // Now Kafka delivers all three once more; the checkpoint turns them away.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(checkpoint(user.id())).isEqualTo(3));
        assertThat(readModel(user.id())).containsEntry("display_name", "second").containsEntry("version", 3L);
    }

    @Test
    void a_gap_is_filled_from_the_event_store() {
        User user;
        relay.pause();
        try {
            user = register();
            for (String name : List.of("a", "b", "c")) {
                http.post("/api/users/" + user.id() + "/update-profile", user.token(), TestHttp.json(Map.of("displayName", name)));
            }
            var latest = store.readStream(user.id(), 3);
            Counting counting = new Counting(users);

            runtime.handle(counting, latest); // only version 4 arrives; 1 to 3 were lost in transit

            assertThat(counting.applied).containsExactly(1L, 2L, 3L, 4L);
            assertThat(readModel(user.id())).containsEntry("display_name", "c").containsEntry("version", 4L);
        } finally {
            relay.resume();
        }
    }

    @Test
    void a_stream_that_cannot_be_applied_is_parked_without_holding_back_others_and_an_operator_retries_it() {
        User broken;
        User healthy;
        Counting counting = new Counting(users);
        relay.pause();
        try {
            broken = register();
            healthy = register();
            http.post("/api/users/" + broken.id() + "/update-profile", broken.token(), TestHttp.json(Map.of("displayName", "poison")));
            http.post("/api/users/" + broken.id() + "/update-profile", broken.token(), TestHttp.json(Map.of("displayName", "later")));
            http.post("/api/users/" + healthy.id() + "/update-profile", healthy.token(), TestHttp.json(Map.of("displayName", "fine")));
            List<EventEnvelope<Object>> batch = new ArrayList<>(store.readStream(broken.id(), 0));
            batch.addAll(store.readStream(healthy.id(), 0));
            counting.poison = "poison";

            runtime.handle(counting, batch);

            assertThat(readModel(healthy.id())).containsEntry("display_name", "fine");
            assertThat(checkpoint(broken.id())).isEqualTo(0); // the batch transaction rolled back for this stream
            assertThat(parkedVersions(broken.id())).containsExactly(1L, 2L, 3L);
            // A later delivery of the same stream queues behind the parked events instead of overtaking them.
            runtime.handle(counting, store.readStream(broken.id(), 2));
            assertThat(checkpoint(broken.id())).isEqualTo(0);
        } finally {
            relay.resume();
        }

        counting.poison = null; // the cause is fixed: the operator retries
        String admin = adminToken();
        var listed = http.get("/api/operations/parked-events", admin);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.raw()).contains(broken.id());
        assertThat(http.post("/api/operations/parked-events/retry", broken.token(),
                TestHttp.json(Map.of("projection", "users", "streamId", broken.id()))).status()).isEqualTo(403);
        int applied = runtime.retryParked(counting, broken.id());

        assertThat(applied).isEqualTo(3);
        assertThat(parkedVersions(broken.id())).isEmpty();
        assertThat(readModel(broken.id())).containsEntry("display_name", "later").containsEntry("version", 3L);
    }

    @Test
    void a_stream_that_loses_deadlocks_more_often_than_its_attempts_is_retried_after_a_back_off_not_parked() {
        Counting counting = new Counting(users);
        User user;
        relay.pause();
        try {
            user = register();
            http.post("/api/users/" + user.id() + "/update-profile", user.token(), TestHttp.json(Map.of("displayName", "contended")));
            counting.deadlocks.set(6); // the batch and more than the three attempts a failing stream gets

            runtime.handle(counting, store.readStream(user.id(), 0));
        } finally {
            relay.resume();
        }

        assertThat(counting.deadlocks.get()).isZero();
        assertThat(parkedVersions(user.id())).isEmpty();
        assertThat(checkpoint(user.id())).isEqualTo(2);
        assertThat(readModel(user.id())).containsEntry("display_name", "contended").containsEntry("version", 2L);
    }

    @Test
    void a_stream_with_nothing_a_projection_takes_costs_no_checkpoint_and_a_wait_counts_it_as_applied() {
        relay.pause(); // this test is the only deliverer
        try {
            User user = register();
            for (String name : List.of("a", "b")) {
                http.post("/api/users/" + user.id() + "/update-profile", user.token(), TestHttp.json(Map.of("displayName", name)));
            }
            List<EventEnvelope<Object>> stream = store.readStream(user.id(), 0);
            Taking<UserEvent.ProfileUpdated> updates = new Taking<>(UserEvent.ProfileUpdated.class);
            Taking<UserEvent.UserRegistered> registrations = new Taking<>(UserEvent.UserRegistered.class);

            runtime.handle(updates, List.of(stream.get(0))); // the registration: nothing taken, nothing written
            assertThat(checkpointRow(updates.name(), user.id())).isEmpty();
            runtime.handle(updates, List.of(stream.get(2))); // version 3: the gap (1, 2) filled from the store
            assertThat(updates.applied).containsExactly(2L, 3L);
            assertThat(checkpointRow(updates.name(), user.id())).contains(3L);

            runtime.handle(registrations, List.of(stream.get(0)));
            runtime.handle(registrations, List.of(stream.get(1), stream.get(2)));
            assertThat(registrations.applied).containsExactly(1L);
            assertThat(checkpointRow(registrations.name(), user.id())).contains(1L);

            ConsistencyWaiter waiter = new ConsistencyWaiter(checkpoints, Duration.ofMillis(300), store,
                    name -> name.equals(registrations.name()) ? runtime.takenTypes(registrations) : null);
            // Versions 2 and 3 are not taken: read-your-writes holds at version 1 already.
            waiter.await(registrations.name(), ConsistencyToken.of(user.id(), 3));
            // A projection this process does not know waits for the checkpoint itself.
            assertThatThrownBy(() -> waiter.await("unknown", ConsistencyToken.of(user.id(), 1)))
                    .isInstanceOf(ConsistencyWaiter.NotYetConsistent.class);
            // A registration not applied yet is waited for.
            User other = register();
            assertThatThrownBy(() -> waiter.await(registrations.name(), ConsistencyToken.of(other.id(), 1)))
                    .isInstanceOf(ConsistencyWaiter.NotYetConsistent.class);
            runtime.handle(registrations, store.readStream(other.id(), 0));
            waiter.await(registrations.name(), ConsistencyToken.of(other.id(), 1));
        } finally {
            relay.resume();
        }
    }

    private Optional<Long> checkpointRow(String projection, String streamId) {
        return jdbc.sql("SELECT version FROM projection_checkpoints WHERE projection = ? AND stream_id = ?")
                .params(projection, streamId).query(Long.class).optional();
    }

    /** A projection that takes one type of user event and writes nothing but its checkpoint. */
    private static final class Taking<E extends UserEvent> implements Projection<E> {
        private final Class<E> type;
        private final String name = "taking-" + java.util.UUID.randomUUID();
        private final List<Long> applied = new ArrayList<>();

        Taking(Class<E> type) {
            this.type = type;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Class<E> eventType() {
            return type;
        }

        @Override
        public void apply(EventEnvelope<E> event) {
            applied.add(event.version());
        }
    }

    private List<Long> parkedVersions(String streamId) {
        return jdbc.sql("SELECT version FROM parked_events WHERE projection = 'users' AND stream_id = ? ORDER BY version")
                .param(streamId).query(Long.class).list();
    }

    private long checkpoint(String streamId) {
        return jdbc.sql("SELECT version FROM projection_checkpoints WHERE projection = 'users' AND stream_id = ?")
                .param(streamId).query(Long.class).optional().orElse(0L);
    }

    private Map<String, Object> readModel(String id) {
        return jdbc.sql("SELECT display_name, version FROM users WHERE id = ?::uuid").param(id).query().singleRow();
    }

    /** The real users projection, counting what it is asked to apply. */
    private static final class Counting implements Projection<UserEvent> {
        private final UserProjection delegate;
        private final List<Long> applied = new ArrayList<>();
        private volatile String poison;
        private final AtomicInteger deadlocks = new AtomicInteger();

        Counting(UserProjection delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public Class<UserEvent> eventType() {
            return UserEvent.class;
        }

        @Override
        public void apply(EventEnvelope<UserEvent> event) {
            if (deadlocks.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new PessimisticLockingFailureException("deadlock detected",
                        new SQLException("deadlock detected", "40P01"));
            }
            if (poison != null && event.payload() instanceof UserEvent.ProfileUpdated updated
                    && poison.equals(updated.profile().displayName())) {
                throw new IllegalStateException("cannot apply " + event.version());
            }
            applied.add(event.version());
            delegate.apply(event);
        }
    }

}
