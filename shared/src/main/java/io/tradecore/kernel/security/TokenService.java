package io.tradecore.kernel.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** Issues the access tokens the gateway accepts. */
public final class TokenService {

    /** An issued token as the token endpoint returns it (RFC 6749 field names). */
    public record AccessToken(String access_token, String token_type, long expires_in) {
    }

    static final String ISSUER = "tradecore";

    private final JwtEncoder encoder;
    private final Clock clock;
    private final Duration lifetime;

    public TokenService(JwtEncoder encoder, Clock clock, Duration lifetime) {
        this.encoder = encoder;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public AccessToken issue(String userId, String username, Set<String> roles) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(userId)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim("preferred_username", username)
                .claim(Actors.ROLES_CLAIM, List.copyOf(roles))
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new AccessToken(token, "Bearer", lifetime.toSeconds());
    }
}
