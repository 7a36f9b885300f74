package io.tradecore.kernel.domain;

import java.util.regex.Pattern;

/** Small checks value objects share, so that every one reports a missing or oversized field the same way. */
public final class Texts {

    private Texts() {
    }

    public static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Rejection.invalid(field, field + " is required");
        }
        return value;
    }

    public static String bounded(String value, String field, int min, int max) {
        String checked = required(value, field);
        int length = checked.codePointCount(0, checked.length());
        if (length < min || length > max) {
            throw Rejection.invalid(field, field + " must be " + min + " to " + max + " characters long");
        }
        return checked;
    }

    public static String matching(String value, String field, Pattern pattern, String rule) {
        if (!pattern.matcher(value).matches()) {
            throw Rejection.invalid(field, field + " " + rule);
        }
        return value;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw Rejection.invalid(field, field + " is required");
        }
        return value;
    }
}
