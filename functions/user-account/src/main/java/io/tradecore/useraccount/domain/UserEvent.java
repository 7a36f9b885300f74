package io.tradecore.useraccount.domain;

/** What has happened to a user account, in the past tense. Stored under the names in {@link Users#EVENTS}. */
public sealed interface UserEvent {

    UserId userId();

    record UserRegistered(UserId userId, Username username, Email email, Profile profile) implements UserEvent {
    }

    record ProfileUpdated(UserId userId, Profile profile) implements UserEvent {
    }

    record EmailChanged(UserId userId, Email previous, Email email) implements UserEvent {
    }

    record UserDeactivated(UserId userId, String reason) implements UserEvent {
    }

    /** The account was deleted. Carries nothing personal: the event outlives the person's data. */
    record UserDeleted(UserId userId) implements UserEvent {
    }
}
