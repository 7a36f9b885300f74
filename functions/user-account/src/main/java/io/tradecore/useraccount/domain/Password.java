package io.tradecore.useraccount.domain;

import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;

/**
 * A password as typed, only on its way to the hasher: 10 to 128 characters. Never stored, never in an event,
 * and its {@code toString} hides it so no log line can carry it.
 */
public record Password(String value) implements SingleValue {

    public Password {
        Texts.bounded(value, "password", 10, 128);
    }

    @Override
    public String toString() {
        return "********";
    }
}
