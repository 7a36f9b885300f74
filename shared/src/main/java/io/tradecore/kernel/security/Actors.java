package io.tradecore.kernel.security;

import io.tradecore.kernel.function.Actor;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The actor a verified token speaks for. */
public final class Actors {

    static final String ROLES_CLAIM = "roles";

    private Actors() {
    }

    public static Actor from(Principal principal) {
        if (principal instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            return from(token.getToken());
        }
        return Actor.anonymous();
    }

    /** From a token already verified (signature, expiry, issuer) by the {@code JwtDecoder}. */
    public static Actor from(Jwt token) {
        List<String> roles = token.getClaimAsStringList(ROLES_CLAIM);
        Set<String> roleSet = roles == null ? Set.of() : roles.stream().collect(Collectors.toUnmodifiableSet());
        return Actor.user(token.getSubject(), roleSet);
    }
}
