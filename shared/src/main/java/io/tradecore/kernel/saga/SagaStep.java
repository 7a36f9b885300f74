package io.tradecore.kernel.saga;

import java.time.Duration;
import java.util.function.Function;

/**
 * One step of a saga: the function that performs it and the body it is sent, how long the saga waits for the
 * participant's answer, how often it tries, and the function that undoes it (null when there is nothing to undo).
 * Timeouts are 30 s to 300 s: long enough for a remote call with its own retries, short enough that a user waits
 * for an answer rather than for an operator.
 */
public record SagaStep<D>(String name, String function, Function<D, Object> body, Duration timeout,
                          RetryPolicy retry, String compensation) {

    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(300);

    public SagaStep {
        if (name == null || !name.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("step names are camelCase: " + name);
        }
        if (function == null || body == null || retry == null) {
            throw new IllegalArgumentException("step " + name + " needs a function, a body and a retry policy");
        }
        if (timeout == null || timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("step " + name + ": the timeout must be 30 s to 300 s, not " + timeout);
        }
    }

    public boolean compensable() {
        return compensation != null;
    }
}
