package io.tradecore.kernel.function;

import io.tradecore.kernel.domain.Rejection;
import java.util.Set;

/** Who is acting: a user id from a verified token and the user's roles, or nobody (public routes). */
public record Actor(String userId, Set<String> roles) {

    public static final String ADMIN = "admin";
    /** The platform itself, acting on an event (a policy or saga step); it may act on any user's resources. */
    public static final String SYSTEM = "system";

    public Actor {
        roles = Set.copyOf(roles);
    }

    public static Actor anonymous() {
        return new Actor(null, Set.of());
    }

    public static Actor user(String userId, Set<String> roles) {
        return new Actor(userId, roles);
    }

    /** The platform acting on behalf of {@code userId} (the user whose request caused the event), or of nobody. */
    public static Actor system(String userId) {
        return new Actor(userId, Set.of(SYSTEM));
    }

    public boolean isSystem() {
        return roles.contains(SYSTEM);
    }

    public boolean isAuthenticated() {
        return userId != null;
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    public boolean isSelfOrAdmin(String ownerId) {
        return isAdmin() || isSystem() || (userId != null && userId.equals(ownerId));
    }

    /**
     * Refuses access to another user's resource. The refusal reads "not found", so a caller cannot probe which
     * ids exist.
     */
    public void requireSelfOrAdmin(String ownerId, String what) {
        if (!isSelfOrAdmin(ownerId)) {
            throw Rejection.notFound(what + "-not-found", what + " not found");
        }
    }

    public void requireAdmin() {
        if (!isAdmin() && !isSystem()) {
            throw Rejection.forbidden("administrators only");
        }
    }
}
