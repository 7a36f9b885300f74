package io.tradecore.useraccount.credentials;

import io.tradecore.kernel.domain.Texts;
import io.tradecore.useraccount.domain.Email;
import io.tradecore.useraccount.domain.Password;
import io.tradecore.useraccount.domain.Username;

/** The body of {@code POST /api/users/create}. The password goes to the hasher and nowhere else. */
public record Registration(Username username, Email email, Password password, String displayName) {

    public Registration {
        Texts.present(username, "username");
        Texts.present(email, "email");
        Texts.present(password, "password");
    }
}
