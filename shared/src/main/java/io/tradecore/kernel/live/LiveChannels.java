package io.tradecore.kernel.live;

/**
 * The Redis pub/sub channel names of the live feed. The seed reserves Redis pub/sub for "WSE coordination"; these are
 * its channels: one per user, {@code wse:user:{userId}}, so an instance subscribes (by exact name, never by pattern) to
 * exactly the users connected to it, and a user's channel never carries another user's events.
 */
public final class LiveChannels {

    static final String USER_PREFIX = "wse:user:";

    private LiveChannels() {
    }

    public static String user(String userId) {
        if (userId.isBlank()) {
            throw new IllegalArgumentException("not a user id: " + userId);
        }
        return USER_PREFIX + userId;
    }
}
