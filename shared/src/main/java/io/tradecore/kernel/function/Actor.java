package io.tradecore.kernel.function;

import io.tradecore.kernel.domain.Rejection;
import java.util.Set;

/** Who is acting: a user id from a verified token and the user's roles, or nobody (public routes). */
public record Actor(String userId, Set<String> roles) {

    public static final String ADMIN = "admin";

    public Actor {
        roles = Set.copyOf(roles);
    }

    public static Actor anonymous() {
        return new Actor(null, Set.of());
    }

    public static Actor user(String userId, Set<String> roles) {
        return new Actor(userId, roles);
    }

    public boolean isAuthenticated() {
        return userId != null;
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    public boolean isSelfOrAdmin(String ownerId) {
        return isAdmin() || (userId != null && userId.equals(ownerId));
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
        if (!isAdmin()) {
            throw Rejection.forbidden("administrators only");
        }
    }
}
