package io.tradecore.kernel.domain;

import java.util.Objects;

/**
 * The one way domain code and the kernel refuse something. The {@code code} is stable and machine-readable
 * (clients switch on it), the {@code reason} is for people, and the {@code kind} decides the HTTP status once,
 * in the gateway.
 */
public final class Rejection extends RuntimeException {

    /** What sort of refusal this is; maps one-to-one to an HTTP status. */
    public enum Kind {
        /** The input itself is malformed (400). */
        INVALID(400),
        /** The caller's credentials are missing or wrong (401). */
        UNAUTHENTICATED(401),
        /** The caller may not do this (403). */
        FORBIDDEN(403),
        /** The thing does not exist, or is not the caller's to see (404). */
        NOT_FOUND(404),
        /** The request collides with the current state: taken names, stale versions (409). */
        CONFLICT(409),
        /** Well-formed, but a business rule refuses it (422). */
        UNPROCESSABLE(422);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String code;
    private final String field;

    private Rejection(Kind kind, String code, String reason, String field) {
        super(reason, null, false, false);
        this.kind = Objects.requireNonNull(kind);
        this.code = Objects.requireNonNull(code);
        this.field = field;
    }

    public static Rejection invalid(String field, String reason) {
        return new Rejection(Kind.INVALID, "invalid-" + field, reason, field);
    }

    public static Rejection unauthenticated(String code, String reason) {
        return new Rejection(Kind.UNAUTHENTICATED, code, reason, null);
    }

    public static Rejection forbidden(String reason) {
        return new Rejection(Kind.FORBIDDEN, "forbidden", reason, null);
    }

    public static Rejection notFound(String code, String reason) {
        return new Rejection(Kind.NOT_FOUND, code, reason, null);
    }

    public static Rejection conflict(String code, String reason) {
        return new Rejection(Kind.CONFLICT, code, reason, null);
    }

    public static Rejection unprocessable(String code, String reason) {
        return new Rejection(Kind.UNPROCESSABLE, code, reason, null);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }

    /** The input field at fault, for {@link Kind#INVALID}; null otherwise. */
    public String field() {
        return field;
    }

    /** Throws itself; lets a decider write {@code reject(...)} in expression position. */
    public <T> T raise() {
        throw this;
    }
}
