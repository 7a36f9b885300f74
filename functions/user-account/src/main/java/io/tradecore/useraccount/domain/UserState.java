package io.tradecore.useraccount.domain;

/**
 * One record per lifecycle state: a deactivated account has no way to be changed; a deleted one keeps only its id
 * (nothing personal), answers "deleted" to every command, and is never active again.
 */
public sealed interface UserState {

    record Unregistered() implements UserState {
    }

    /** {@code profile} is null until the user sets one. */
    record Active(UserId id, Username username, Email email, Profile profile) implements UserState {
        Active withProfile(Profile changed) {
            return new Active(id, username, email, changed);
        }

        Active withEmail(Email changed) {
            return new Active(id, username, changed, profile);
        }
    }

    record Deactivated(UserId id, Username username, Email email) implements UserState {
    }

    record Deleted(UserId id) implements UserState {
    }
}
