package io.tradecore.brokeraccount.domain;

import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.util.regex.Pattern;

/** A ticker symbol as every trading domain spells it: upper case, {@code [A-Z][A-Z0-9.]{0,9}}. */
public record Symbol(String value) implements SingleValue {

    private static final Pattern SHAPE = Pattern.compile("[A-Z][A-Z0-9.]{0,9}");

    public Symbol {
        Texts.matching(Texts.required(value, "symbol"), "symbol", SHAPE,
                "must be 1 to 10 upper-case letters, digits or dots");
    }

    @Override
    public String toString() {
        return value;
    }
}
