package io.tradecore.kernel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.kernel.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final TestClock clock = new TestClock(NOW);
    private final List<String> verifications = new ArrayList<>();
    private Instant expiry = NOW.plus(Duration.ofMinutes(15));
    private boolean refuse;

    private final JwtDecoder delegate = token -> {
        verifications.add(token);
        if (refuse) {
            throw new BadJwtException("refused: " + token);
        }
        return Jwt.withTokenValue(token).header("alg", "HS256").subject("user-" + token)
                .issuedAt(NOW).expiresAt(expiry).build();
    };

    private final VerifiedTokens tokens = new VerifiedTokens(delegate, clock, Duration.ofMinutes(5), 1_000);

    @Test
    void a_token_seen_before_is_answered_without_verifying_it_again() {
        Jwt first = tokens.decode("a");
        Jwt again = tokens.decode("a");
        Jwt other = tokens.decode("b");

        assertThat(again).isSameAs(first);
        assertThat(other.getSubject()).isEqualTo("user-b");
        assertThat(verifications).containsExactly("a", "b");
    }

    @Test
    void an_expired_token_goes_to_the_delegate_again_which_refuses_it() {
        tokens.decode("a");
        clock.advance(Duration.ofMinutes(16));
        refuse = true;

        assertThatThrownBy(() -> tokens.decode("a")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).containsExactly("a", "a");
    }

    @Test
    void a_refused_token_is_not_remembered() {
        refuse = true;
        assertThatThrownBy(() -> tokens.decode("a")).isInstanceOf(BadJwtException.class);
        refuse = false;

        assertThat(tokens.decode("a").getSubject()).isEqualTo("user-a");
        assertThat(verifications).containsExactly("a", "a");
    }

    @Test
    void a_token_without_an_expiry_is_verified_every_time() {
        expiry = null;
        tokens.decode("a");
        tokens.decode("a");

        assertThat(verifications).containsExactly("a", "a");
    }
}
