package io.tradecore.order.domain;

import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.util.Locale;
import java.util.regex.Pattern;

/** A ticker symbol such as {@code AAPL} or {@code BRK.B}: upper case, a letter first, at most 10 characters. */
public record Symbol(String value) implements SingleValue {

    private static final Pattern SHAPE = Pattern.compile("[A-Z][A-Z0-9.]{0,9}");

    public Symbol {
        value = Texts.required(value, "symbol").strip().toUpperCase(Locale.ROOT);
        Texts.matching(value, "symbol", SHAPE, "must be a ticker such as AAPL: a letter, then letters, digits or dots, at most 10");
    }

    @Override
    public String toString() {
        return value;
    }
}
