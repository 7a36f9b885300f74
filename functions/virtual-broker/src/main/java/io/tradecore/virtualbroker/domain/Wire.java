package io.tradecore.virtualbroker.domain;

import io.tradecore.kernel.domain.Rejection;
import java.util.Locale;

/** The lower-case names enums travel under in JSON ({@code stop_limit}, {@code buy}), as TRADING.md spells them. */
public final class Wire {

    private Wire() {
    }

    public static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant written as {@code text}; an unknown or missing name is refused as invalid {@code field}. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
        if (text != null) {
            for (E constant : type.getEnumConstants()) {
                if (name(constant).equals(text)) {
                    return constant;
                }
            }
        }
        throw Rejection.invalid(field, field + " must be one of " + names(type));
    }

    private static String names(Class<? extends Enum<?>> type) {
        StringBuilder names = new StringBuilder();
        for (Enum<?> constant : type.getEnumConstants()) {
            names.append(names.isEmpty() ? "" : ", ").append(name(constant));
        }
        return names.toString();
    }
}
