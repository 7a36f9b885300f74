package io.tradecore.useraccount.domain;

import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A login name: 3 to 32 characters, lower-case letters, digits, dots, dashes and underscores, starting with a
 * letter. Stored lower-cased, so "Ada" and "ada" are the same name.
 */
public record Username(String value) implements SingleValue {

    private static final Pattern ALLOWED = Pattern.compile("[a-z][a-z0-9._-]*[a-z0-9]");

    public Username {
        value = Texts.bounded(Texts.required(value, "username").strip(), "username", 3, 32).toLowerCase(Locale.ROOT);
        Texts.matching(value, "username", ALLOWED,
                "may hold letters, digits, '.', '-' and '_', must start with a letter and end with a letter or digit");
    }

    @Override
    public String toString() {
        return value;
    }
}
