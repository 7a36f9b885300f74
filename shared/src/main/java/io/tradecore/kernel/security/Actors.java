package io.tradecore.kernel.security;

import io.tradecore.kernel.function.Actor;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The actor a verified token speaks for. */
public final class Actors {

    static final String ROLES_CLAIM = "roles";

    private Actors() {
    }

    public static Actor from(Principal principal) {
        if (principal instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            List<String> roles = token.getToken().getClaimAsStringList(ROLES_CLAIM);
            Set<String> roleSet = roles == null ? Set.of() : roles.stream().collect(Collectors.toUnmodifiableSet());
            return Actor.user(token.getToken().getSubject(), roleSet);
        }
        return Actor.anonymous();
    }
}
