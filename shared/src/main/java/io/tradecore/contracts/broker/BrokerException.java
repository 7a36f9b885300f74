package io.tradecore.contracts.broker;

/**
 * A broker's refusal or failure, in TradeCore's terms.
 *
 * @see Code
 */
public final class BrokerException extends RuntimeException {

    /** What went wrong, so callers can tell what is worth retrying. */
    public enum Code {
        /** The credentials were refused (401). Not retried. */
        UNAUTHENTICATED,
        /** The credentials may not do this (403). Not retried. */
        FORBIDDEN,
        /** The broker refused the request itself (unknown symbol, insufficient funds). Not retried. */
        REJECTED,
        /** Not there (404). */
        NOT_FOUND,
        /** Too many requests (429); retried after the broker's Retry-After. */
        RATE_LIMITED,
        /** The broker failed or did not answer in time (5xx, timeouts); retried where the call is safe to repeat. */
        UNAVAILABLE,
        /** The broker answered something this adapter cannot read. */
        MALFORMED
    }

    private final Code code;
    private final java.time.Duration retryAfter;

    public BrokerException(Code code, String message) {
        super(message);
        this.code = code;
        this.retryAfter = null;
    }

    /** A refusal that says when to ask again (429 with Retry-After). */
    public BrokerException(Code code, String message, java.time.Duration retryAfter) {
        super(message);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public BrokerException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryAfter = null;
    }

    /** How long the broker asked to wait before the next call, when it said. */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    /** Whether the same call may succeed later: the broker was unavailable or asked to slow down. */
    public boolean isTransient() {
        return code == Code.UNAVAILABLE || code == Code.RATE_LIMITED;
    }

    public Code code() {
        return code;
    }
}
