package io.tradecore.useraccount.credentials;

import io.tradecore.kernel.domain.Texts;

/** The body of {@code POST /api/auth/token}. Bounded, so nobody can make the hasher chew on megabytes. */
public record TokenRequest(String username, String password) {

    public TokenRequest {
        Texts.bounded(username, "username", 1, 64);
        Texts.bounded(password, "password", 1, 128);
    }

    @Override
    public String toString() {
        return "TokenRequest[username=" + username + ", password=********]";
    }
}
