package io.tradecore.automation.domain;

import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.util.Locale;
import java.util.regex.Pattern;

/** An instrument's ticker: upper case, a letter first, then up to 9 letters, digits or dots ({@code BRK.B}). */
public record Symbol(String value) implements SingleValue {

    private static final Pattern SHAPE = Pattern.compile("[A-Z][A-Z0-9.]{0,9}");

    public Symbol {
        value = Texts.required(value, "symbol").strip().toUpperCase(Locale.ROOT);
        Texts.matching(value, "symbol", SHAPE, "must be 1 to 10 letters, digits or dots, starting with a letter");
    }

    @Override
    public String toString() {
        return value;
    }
}
