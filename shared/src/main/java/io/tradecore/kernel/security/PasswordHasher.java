package io.tradecore.kernel.security;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashing (Spring Security's encoder over BouncyCastle). Verification of an unknown user still
 * spends the same work on a dummy hash, so response times do not reveal which usernames exist.
 */
public final class PasswordHasher {

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Made on first use, not at start: most functions never verify a password (on Lambda, most never do). */
    private volatile String dummyHash;

    public String hash(CharSequence password) {
        return encoder.encode(password);
    }

    public boolean matches(CharSequence password, String hashOrNull) {
        if (hashOrNull == null) {
            encoder.matches(password, dummyHash());
            return false;
        }
        return encoder.matches(password, hashOrNull);
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) { // two first callers may both hash; either result serves
            hash = encoder.encode("tradecore-timing-equaliser");
            dummyHash = hash;
        }
        return hash;
    }
}
