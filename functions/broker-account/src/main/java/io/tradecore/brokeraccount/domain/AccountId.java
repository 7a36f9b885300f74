package io.tradecore.brokeraccount.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.util.UUID;

/** An account's id (UUIDv7); its event stream is {@code account-{id}}. */
public record AccountId(UUID value) implements SingleValue {

    public AccountId {
        Texts.present(value, "accountId");
    }

    public static AccountId of(String text) {
        try {
            return new AccountId(UUID.fromString(Texts.required(text, "accountId")));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("accountId", "accountId must be a UUID");
        }
    }

    public String streamId() {
        return "account-" + value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
