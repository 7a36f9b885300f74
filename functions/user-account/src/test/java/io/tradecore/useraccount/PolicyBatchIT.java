package io.tradecore.useraccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.command.CommandHandler;
import io.tradecore.kernel.eventstore.EventCodec;
import io.tradecore.kernel.eventstore.EventStore;
import io.tradecore.kernel.eventstore.StoredEvent;
import io.tradecore.kernel.policy.Policy;
import io.tradecore.kernel.policy.PolicyRuntime;
import io.tradecore.useraccount.domain.Email;
import io.tradecore.useraccount.domain.UserCommand;
import io.tradecore.useraccount.domain.UserCommand.ChangeEmail;
import io.tradecore.useraccount.domain.UserCommand.UpdateProfile;
import io.tradecore.useraccount.domain.UserEvent;
import io.tradecore.useraccount.domain.UserEvent.UserRegistered;
import io.tradecore.useraccount.domain.UserId;
import io.tradecore.useraccount.domain.UserState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A policy declared in batches commits several events' commands in one transaction, and when one of them is refused
 * the batch is rolled back and its events handled one command per transaction, as a policy not in batches would.
 * The policies here are fed record values directly (as the binder or the Lambda adapter does); no topic is bound.
 */
class PolicyBatchIT extends UserAccountIT {

    @Autowired
    PolicyRuntime runtime;

    @Autowired
    CommandHandler<UserCommand, UserState, UserEvent> users;

    @Autowired
    EventStore store;

    @Autowired
    EventCodec codec;

    @Test
    void the_commands_of_a_batch_commit_in_one_transaction_and_a_redelivery_repeats_none() {
        List<User> registered = List.of(register(), register(), register(), register());
        var deliver = runtime.consumer(policy(unique("batched"), (user, event) -> profile(user)).inBatches());

        deliver.accept(registrations(registered));

        for (User user : registered) {
            assertThat(versionOf(user)).isEqualTo(2);
        }
        assertThat(transactionsOf(registered, 2)).as("one transaction for the four commands").hasSize(1);

        deliver.accept(registrations(registered));
        for (User user : registered) {
            assertThat(versionOf(user)).as("a redelivered event finds its command done").isEqualTo(2);
        }
    }

    @Test
    void a_refusal_after_an_append_rolls_the_batch_back_and_only_the_refused_event_is_handled_on_its_own() {
        User first = register();
        User second = register();
        User refused = register();
        User fourth = register();
        User fifth = register();
        String name = unique("refusing");
        // The middle user asks for the first one's email: the claim refuses after the EmailChanged event is appended.
        var deliver = runtime.consumer(policy(name, (user, event) -> user.equals(refused.id())
                ? new ChangeEmail(event.userId(), new Email(first.email())) : profile(user)).inBatches());

        deliver.accept(registrations(List.of(first, second, refused, fourth, fifth)));

        for (User user : List.of(first, second, fourth, fifth)) {
            assertThat(versionOf(user)).isEqualTo(2);
        }
        assertThat(versionOf(refused)).as("the refused command's append did not survive").isEqualTo(1);
        Set<String> before = transactionsOf(List.of(first, second), 2);
        Set<String> after = transactionsOf(List.of(fourth, fifth), 2);
        assertThat(before).as("the events before the refused one commit together again").hasSize(1);
        assertThat(after).as("batching goes on after it").hasSize(1).doesNotContainAnyElementsOf(before);
        assertThat(jdbc.sql("SELECT outcome FROM idempotency_keys WHERE scope = 'system' AND idempotency_key LIKE ?")
                .param(name + ":%").query(String.class).list())
                .containsExactlyInAnyOrder("result", "result", "rejection", "result", "result");
    }

    @Test
    void a_short_delivery_commits_each_command_on_its_own_the_consumer_is_keeping_up() {
        List<User> registered = List.of(register(), register(), register());
        var deliver = runtime.consumer(policy(unique("short"), (user, event) -> profile(user)).inBatches());

        deliver.accept(registrations(registered));

        assertThat(transactionsOf(registered, 2)).hasSize(3);
    }

    @Test
    void a_policy_not_in_batches_commits_each_command_on_its_own() {
        List<User> registered = List.of(register(), register());
        var deliver = runtime.consumer(policy(unique("single"), (user, event) -> profile(user)));

        deliver.accept(registrations(registered));

        assertThat(transactionsOf(registered, 2)).hasSize(2);
    }

    /** Sends, for each registration, the command {@code command} makes of the user id and the event. */
    private Policy<UserRegistered> policy(String name, BiFunction<String, UserRegistered, UserCommand> command) {
        return Policy.onOwn(name, UserRegistered.class, (event, send) ->
                send.send(users, command.apply(event.streamId(), event.payload())));
    }

    private static UpdateProfile profile(String userId) {
        return new UpdateProfile(UserId.of(userId), "batched " + userId.substring(0, 8),
                null, null);
    }

    /** The users' registration events as the relay put them on the topic. */
    private List<byte[]> registrations(List<User> registered) {
        List<byte[]> records = new ArrayList<>();
        for (User user : registered) {
            StoredEvent registration = store.readStored(user.id(), 0, 1).getFirst();
            records.add(codec.toMessage(registration));
        }
        return records;
    }

    private long versionOf(User user) {
        return jdbc.sql("SELECT coalesce(max(version), 0) FROM event_store_events WHERE stream_id = ?")
                .param(user.id()).query(Long.class).single();
    }

    /** The transactions that wrote the users' events at {@code version} (PostgreSQL's xmin of the rows). */
    private Set<String> transactionsOf(List<User> registered, long version) {
        Set<String> xids = new HashSet<>();
        for (User user : registered) {
            xids.addAll(jdbc.sql("SELECT xmin::text FROM event_store_events WHERE stream_id = ? AND version = ?")
                    .params(user.id(), version).query(String.class).list());
        }
        return xids;
    }
}
