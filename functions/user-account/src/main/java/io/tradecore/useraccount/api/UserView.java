package io.tradecore.useraccount.api;

import java.time.Instant;

/** A user as the {@code users} read model shows it; {@code version} is the stream version it reflects. */
public record UserView(String id, String username, String email, String displayName, String bio, String timezone,
                       String status, Instant createdAt, Instant updatedAt, long version) {
}
