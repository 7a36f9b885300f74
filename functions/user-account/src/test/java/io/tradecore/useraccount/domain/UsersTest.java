package io.tradecore.useraccount.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.testing.DeciderSpec;
import io.tradecore.useraccount.domain.UserCommand.ChangeEmail;
import io.tradecore.useraccount.domain.UserCommand.DeactivateUser;
import io.tradecore.useraccount.domain.UserCommand.DeleteUser;
import io.tradecore.useraccount.domain.UserCommand.RegisterUser;
import io.tradecore.useraccount.domain.UserCommand.UpdateProfile;
import io.tradecore.useraccount.domain.UserEvent.EmailChanged;
import io.tradecore.useraccount.domain.UserEvent.ProfileUpdated;
import io.tradecore.useraccount.domain.UserEvent.UserDeactivated;
import io.tradecore.useraccount.domain.UserEvent.UserDeleted;
import io.tradecore.useraccount.domain.UserEvent.UserRegistered;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsersTest {

    private final UserId ada = new UserId(UUID.randomUUID());
    private final UserRegistered registered =
            new UserRegistered(ada, new Username("ada"), new Email("ada@example.com"), null);

    private DeciderSpec<UserCommand, UserState, UserEvent> spec() {
        return DeciderSpec.of(Users.DECIDER);
    }

    @Test
    void a_new_user_registers() {
        spec().given()
                .when(new RegisterUser(ada, new Username("Ada"), new Email("ADA@Example.com"), "Ada L"))
                .then(new UserRegistered(ada, new Username("ada"), new Email("ada@example.com"),
                        new Profile("Ada L", null, null)));
    }

    @Test
    void a_user_cannot_register_twice() {
        spec().given(registered)
                .when(new RegisterUser(ada, new Username("ada"), new Email("ada@example.com"), null))
                .thenRejected("user-exists");
    }

    @Test
    void a_profile_update_is_recorded_and_the_same_profile_again_changes_nothing() {
        Profile profile = new Profile("Ada", "mathematician", "Europe/London");
        spec().given(registered).when(new UpdateProfile(ada, "Ada", "mathematician", "Europe/London"))
                .then(new ProfileUpdated(ada, profile));
        spec().given(registered, new ProfileUpdated(ada, profile))
                .when(new UpdateProfile(ada, "Ada", "mathematician", "Europe/London"))
                .thenNothingHappens();
    }

    @Test
    void an_email_change_remembers_the_previous_address() {
        spec().given(registered).when(new ChangeEmail(ada, new Email("ada@lovelace.org")))
                .then(new EmailChanged(ada, new Email("ada@example.com"), new Email("ada@lovelace.org")));
        spec().given(registered).when(new ChangeEmail(ada, new Email("ada@example.com"))).thenNothingHappens();
    }

    @Test
    void nothing_can_be_changed_on_an_unknown_user() {
        spec().given().when(new ChangeEmail(ada, new Email("x@example.com"))).thenRejected("user-not-found");
        spec().given().when(new DeactivateUser(ada, null)).thenRejected("user-not-found");
    }

    @Test
    void a_deactivated_user_stays_deactivated_and_refuses_changes() {
        spec().given(registered).when(new DeactivateUser(ada, "leaving")).then(new UserDeactivated(ada, "leaving"));
        spec().given(registered, new UserDeactivated(ada, null)).when(new DeactivateUser(ada, null)).thenNothingHappens();
        spec().given(registered, new UserDeactivated(ada, null)).when(new UpdateProfile(ada, "x", null, null))
                .thenRejected("user-deactivated");
        assertThat(spec().given(registered, new UserDeactivated(ada, null)).state())
                .isInstanceOf(UserState.Deactivated.class);
    }

    @Test
    void an_active_or_deactivated_user_is_deleted_and_the_event_carries_nothing_personal() {
        spec().given(registered).when(new DeleteUser(ada)).then(new UserDeleted(ada));
        spec().given(registered, new UserDeactivated(ada, "leaving")).when(new DeleteUser(ada)).then(new UserDeleted(ada));
        assertThat(UserDeleted.class.getRecordComponents()).extracting(c -> c.getName()).containsExactly("userId");
        assertThat(spec().given(registered, new UserDeleted(ada)).state()).isEqualTo(new UserState.Deleted(ada));
    }

    @Test
    void a_deleted_user_answers_deleted_to_every_command() {
        var deleted = new UserEvent[] {registered, new UserDeleted(ada)};
        spec().given(deleted).when(new DeleteUser(ada)).thenRejected("user-deleted");
        spec().given(deleted).when(new UpdateProfile(ada, "Ada", null, null)).thenRejected("user-deleted");
        spec().given(deleted).when(new ChangeEmail(ada, new Email("ada@lovelace.org"))).thenRejected("user-deleted");
        spec().given(deleted).when(new DeactivateUser(ada, null)).thenRejected("user-deleted");
        spec().given(deleted).when(new RegisterUser(ada, new Username("ada"), new Email("ada@example.com"), null))
                .thenRejected("user-exists");
    }

    @Test
    void an_unknown_user_cannot_be_deleted() {
        spec().given().when(new DeleteUser(ada)).thenRejected("user-not-found");
    }

    @Test
    void values_refuse_what_users_should_not_be_able_to_enter() {
        assertInvalid(() -> new Username("ab"), "invalid-username");
        assertInvalid(() -> new Username("9lives"), "invalid-username");
        assertInvalid(() -> new Username("a".repeat(33)), "invalid-username");
        assertInvalid(() -> new Username("ada lovelace"), "invalid-username");
        assertInvalid(() -> new Email("not-an-email"), "invalid-email");
        assertInvalid(() -> new Email("a@b"), "invalid-email");
        assertInvalid(() -> new Email("x".repeat(250) + "@example.com"), "invalid-email");
        assertInvalid(() -> new Password("short"), "invalid-password");
        assertInvalid(() -> new Profile("", null, null), "invalid-displayName");
        assertInvalid(() -> new Profile("Ada", "b".repeat(1001), null), "invalid-bio");
        assertInvalid(() -> new Profile("Ada", null, "Mars/Olympus"), "invalid-timezone");
        assertThat(new Password("a long enough secret").toString()).doesNotContain("secret");
    }

    @Test
    void every_event_has_a_stable_stored_name() {
        Set<Class<? extends UserEvent>> permitted = Set.of(UserRegistered.class, ProfileUpdated.class,
                EmailChanged.class, UserDeactivated.class, UserDeleted.class);
        assertThat(Users.EVENTS.classes()).containsExactlyInAnyOrderElementsOf(permitted);
        assertThat(Set.of(UserEvent.class.getPermittedSubclasses())).containsExactlyInAnyOrderElementsOf(permitted);
        assertThat(Users.EVENTS.typeOfClass(UserRegistered.class).name()).isEqualTo("user.registered");
        // broker_connection's shredding policy reads this name (and the payload's userId)
        assertThat(Users.EVENTS.typeOfClass(UserDeleted.class).name()).isEqualTo("user.deleted");
    }

    private static void assertInvalid(Runnable construction, String code) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(Rejection.class,
                rejection -> assertThat(rejection.code()).isEqualTo(code));
    }
}
