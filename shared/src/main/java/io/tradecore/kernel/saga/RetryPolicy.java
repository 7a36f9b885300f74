package io.tradecore.kernel.saga;

import java.time.Duration;

/**
 * How often a step is tried (timeouts, and failures its participant reports as retryable) and how long to wait
 * before trying again: {@code backoff} doubled after every attempt.
 */
public record RetryPolicy(int maxAttempts, Duration backoff) {

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("a step is tried 1 to 10 times, not " + maxAttempts);
        }
        if (backoff == null || backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must be zero or more");
        }
    }

    public static RetryPolicy once() {
        return new RetryPolicy(1, Duration.ZERO);
    }

    public static RetryPolicy times(int attempts, Duration backoff) {
        return new RetryPolicy(attempts, backoff);
    }

    /** The wait before attempt {@code attempt + 1}. */
    public Duration backoffAfter(int attempt) {
        return backoff.multipliedBy(1L << Math.min(attempt - 1, 16));
    }
}
