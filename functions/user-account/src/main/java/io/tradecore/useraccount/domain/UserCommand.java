package io.tradecore.useraccount.domain;

import io.tradecore.kernel.domain.Texts;

/** What can be asked of a user account. Each command checks what it can check by itself. */
public sealed interface UserCommand {

    UserId userId();

    record RegisterUser(UserId userId, Username username, Email email, String displayName) implements UserCommand {
        public RegisterUser {
            Texts.present(userId, "userId");
            Texts.present(username, "username");
            Texts.present(email, "email");
            if (displayName != null) {
                displayName = new Profile(displayName, null, null).displayName();
            }
        }
    }

    record UpdateProfile(UserId userId, String displayName, String bio, String timezone) implements UserCommand {
        public UpdateProfile {
            Texts.present(userId, "userId");
            new Profile(displayName, bio, timezone); // validates every field
        }

        public Profile profile() {
            return new Profile(displayName, bio, timezone);
        }
    }

    record ChangeEmail(UserId userId, Email email) implements UserCommand {
        public ChangeEmail {
            Texts.present(userId, "userId");
            Texts.present(email, "email");
        }
    }

    record DeactivateUser(UserId userId, String reason) implements UserCommand {
        public DeactivateUser {
            Texts.present(userId, "userId");
            if (reason != null) {
                reason = Texts.bounded(reason, "reason", 1, 500);
            }
        }
    }

    /**
     * Deletes the account for good: it can no longer sign in or be changed, its personal data leaves the read model,
     * its username and email become free. Who may ask (the user, re-confirming the password, or an administrator)
     * is checked before the decider sees it.
     */
    record DeleteUser(UserId userId) implements UserCommand {
        public DeleteUser {
            Texts.present(userId, "userId");
        }
    }
}
