package io.tradecore.useraccount.domain;

import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address in the shape mail systems accept (one '@', a dotted domain, no spaces; at most 254
 * characters, local part at most 64). Stored lower-cased, so uniqueness ignores case.
 */
public record Email(String value) implements SingleValue {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    public Email {
        value = Texts.bounded(Texts.required(value, "email").strip(), "email", 3, 254).toLowerCase(Locale.ROOT);
        Texts.matching(value, "email", SHAPE, "must be an address like name@example.com");
    }

    @Override
    public String toString() {
        return value;
    }
}
