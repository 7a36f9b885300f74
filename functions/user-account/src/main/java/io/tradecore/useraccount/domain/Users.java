package io.tradecore.useraccount.domain;

import io.tradecore.kernel.domain.Aggregate;
import io.tradecore.kernel.domain.Decider;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.kernel.domain.Rejection;
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
import io.tradecore.useraccount.domain.UserState.Active;
import io.tradecore.useraccount.domain.UserState.Deactivated;
import io.tradecore.useraccount.domain.UserState.Deleted;
import io.tradecore.useraccount.domain.UserState.Unregistered;
import java.util.List;
import java.util.Objects;

/** The user account decider: what each command does in each state, and how events change the state. */
public final class Users {

    public static final String DOMAIN = "user_account";

    public static final EventTypes<UserEvent> EVENTS = EventTypes.of(DOMAIN, UserEvent.class)
            .add(UserRegistered.class, "user.registered", 1)
            .add(ProfileUpdated.class, "user.profile-updated", 1)
            .add(EmailChanged.class, "user.email-changed", 1)
            .add(UserDeactivated.class, "user.deactivated", 1)
            .add(UserDeleted.class, "user.deleted", 1)
            .build();

    public static final Decider<UserCommand, UserState, UserEvent> DECIDER =
            new Decider<>(Users::decide, Users::evolve, new Unregistered());

    public static final Aggregate<UserCommand, UserState, UserEvent> AGGREGATE =
            Aggregate.of(DECIDER, EVENTS, UserState.class).snapshotEvery(100, 1);

    private Users() {
    }

    static List<UserEvent> decide(UserCommand command, UserState state) {
        return switch (command) {
            case RegisterUser c -> state instanceof Unregistered
                    ? List.of(new UserRegistered(c.userId(), c.username(), c.email(),
                            c.displayName() == null ? null : new Profile(c.displayName(), null, null)))
                    : Rejection.conflict("user-exists", "this user is already registered").raise();
            case UpdateProfile c -> {
                Active active = active(state);
                yield Objects.equals(active.profile(), c.profile())
                        ? List.of()
                        : List.of(new ProfileUpdated(c.userId(), c.profile()));
            }
            case ChangeEmail c -> {
                Active active = active(state);
                yield active.email().equals(c.email())
                        ? List.of()
                        : List.of(new EmailChanged(c.userId(), active.email(), c.email()));
            }
            case DeactivateUser c -> switch (state) {
                case Active active -> List.of(new UserDeactivated(c.userId(), c.reason()));
                case Deactivated deactivated -> List.of();
                case Deleted deleted -> gone();
                case Unregistered unregistered -> notFound();
            };
            case DeleteUser c -> switch (state) {
                case Active active -> List.of(new UserDeleted(c.userId()));
                case Deactivated deactivated -> List.of(new UserDeleted(c.userId()));
                case Deleted deleted -> gone();
                case Unregistered unregistered -> notFound();
            };
        };
    }

    static UserState evolve(UserState state, UserEvent event) {
        return switch (event) {
            case UserRegistered e -> new Active(e.userId(), e.username(), e.email(), e.profile());
            case ProfileUpdated e -> active(state).withProfile(e.profile());
            case EmailChanged e -> active(state).withEmail(e.email());
            case UserDeactivated e -> {
                Active active = active(state);
                yield new Deactivated(active.id(), active.username(), active.email());
            }
            case UserDeleted e -> new Deleted(e.userId());
        };
    }

    private static Active active(UserState state) {
        return switch (state) {
            case Active active -> active;
            case Deactivated deactivated ->
                    Rejection.unprocessable("user-deactivated", "this account is deactivated").raise();
            case Deleted deleted -> gone();
            case Unregistered unregistered -> notFound();
        };
    }

    /** A deleted account reads as not found, with its own code so clients and operators can tell why. */
    private static <T> T gone() {
        throw userDeleted();
    }

    public static Rejection userDeleted() {
        return Rejection.notFound("user-deleted", "this account was deleted");
    }

    private static <T> T notFound() {
        throw userNotFound();
    }

    public static Rejection userNotFound() {
        return Rejection.notFound("user-not-found", "user not found");
    }
}
