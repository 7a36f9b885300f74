package io.tradecore.useraccount.credentials;

import io.tradecore.kernel.domain.Texts;
import io.tradecore.useraccount.domain.UserId;

/**
 * The body of {@code POST /api/users/{userId}/delete}. A user deleting their own account re-confirms it with their
 * password (a stolen token alone cannot erase an account); an administrator sends none. Bounded like sign-in.
 */
public record AccountDeletion(UserId userId, String password) {

    public AccountDeletion {
        Texts.present(userId, "userId");
        if (password != null) {
            Texts.bounded(password, "password", 1, 128);
        }
    }

    @Override
    public String toString() {
        return "AccountDeletion[userId=" + userId + ", password=" + (password == null ? "none" : "********") + "]";
    }
}
