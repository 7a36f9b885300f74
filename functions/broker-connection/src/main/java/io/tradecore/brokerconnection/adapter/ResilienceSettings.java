package io.tradecore.brokerconnection.adapter;

import java.time.Duration;

/**
 * Limits for one broker's calls: the time limit per call, retries (attempts and first backoff, doubled each time;
 * a 429's Retry-After wins, up to {@code maxRetryAfter}), the circuit breaker's failure rate over a window and its
 * open time, calls per second, and concurrent calls.
 */
public record ResilienceSettings(Duration callTimeout, int attempts, Duration backoff, Duration maxRetryAfter,
                                 float failureRate, int window, Duration openFor, int callsPerSecond,
                                 int concurrentCalls) {

    public static ResilienceSettings defaults() {
        return new ResilienceSettings(Duration.ofSeconds(10), 3, Duration.ofMillis(200), Duration.ofSeconds(5), 50f,
                20, Duration.ofSeconds(30), 50, 20);
    }
}
