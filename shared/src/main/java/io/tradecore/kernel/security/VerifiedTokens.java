package io.tradecore.kernel.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that verifies each distinct token once and then answers from memory until the token expires
 * (or {@code remember} passes, whichever is first). A client sends the same bearer token with every request;
 * parsing it and checking its HMAC again each time was about a tenth of the gateway's CPU under the trading load.
 * The key is the whole token text, so only a byte-identical token, already verified, is answered from memory; an
 * expired one goes to the delegate again, which refuses it.
 */
public final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public VerifiedTokens(JwtDecoder delegate, Clock clock, Duration remember, long maximumSize) {
        this.delegate = delegate;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(maximumSize).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && known.getExpiresAt() != null && clock.instant().isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt fresh = delegate.decode(token);
        verified.put(token, fresh);
        return fresh;
    }
}
