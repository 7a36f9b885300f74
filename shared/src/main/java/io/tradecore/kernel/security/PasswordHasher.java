package io.tradecore.kernel.security;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashing (Spring Security's encoder over BouncyCastle). Verification of an unknown user still
 * spends the same work on a dummy hash, so response times do not reveal which usernames exist.
 */
public final class PasswordHasher {

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final String dummyHash = encoder.encode("tradecore-timing-equaliser");

    public String hash(CharSequence password) {
        return encoder.encode(password);
    }

    public boolean matches(CharSequence password, String hashOrNull) {
        if (hashOrNull == null) {
            encoder.matches(password, dummyHash);
            return false;
        }
        return encoder.matches(password, hashOrNull);
    }
}
