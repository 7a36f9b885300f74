package io.tradecore.automation.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.util.UUID;

/** A trading account's id (broker_account owns accounts; an alert's order action names one). */
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

    @Override
    public String toString() {
        return value.toString();
    }
}
