package io.tradecore.brokerconnection.policy;

import io.tradecore.kernel.eventstore.ForeignEvents;

/** user_account's events as broker_connection reads them: only that a user was deleted. */
public sealed interface UserEvents {

    ForeignEvents<UserEvents> VIEW = ForeignEvents.of(UserEvents.class).on("user.deleted", Deleted.class).build();

    record Deleted(String userId) implements UserEvents {
    }
}
