package io.tradecore.brokerconnection.adapter;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.tradecore.contracts.broker.BrokerException;
import io.tradecore.contracts.broker.BrokerException.Code;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One broker's calls, guarded: the time limiter cancels a call that does not answer in time, the bulkhead caps
 * concurrent calls, the rate limiter calls per second, the circuit breaker stops calling a broker that keeps
 * failing (only unavailability counts: a refused login is an answer, not an outage). {@link #safe} retries with
 * backoff (or the broker's Retry-After); {@link #once} never repeats. The instances live in resilience4j's
 * registries under the broker's name, so actuator health and metrics show them.
 */
public final class BrokerCalls {

    private final TimeLimiter timeLimiter;
    private final Bulkhead bulkhead;
    private final RateLimiter rateLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;

    public BrokerCalls(String name, ResilienceSettings settings, Registries registries) {
        this.timeLimiter = registries.timeLimiters().timeLimiter(name, TimeLimiterConfig.custom()
                .timeoutDuration(settings.callTimeout()).cancelRunningFuture(true).build());
        this.bulkhead = registries.bulkheads().bulkhead(name, BulkheadConfig.custom()
                .maxConcurrentCalls(settings.concurrentCalls()).maxWaitDuration(Duration.ofMillis(500)).build());
        this.rateLimiter = registries.rateLimiters().rateLimiter(name, RateLimiterConfig.custom()
                .limitForPeriod(settings.callsPerSecond()).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ofSeconds(1)).build());
        this.circuitBreaker = registries.circuitBreakers().circuitBreaker(name, CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRate()).slidingWindowSize(settings.window())
                .minimumNumberOfCalls(Math.min(settings.window(), 10)).waitDurationInOpenState(settings.openFor())
                .recordException(e -> e instanceof BrokerException b && b.code() == Code.UNAVAILABLE).build());
        this.retry = registries.retries().retry(name, RetryConfig.<Object>custom()
                .maxAttempts(settings.attempts())
                .retryOnException(e -> e instanceof BrokerException b && b.isTransient())
                .intervalBiFunction((attempt, outcome) -> wait(settings, attempt,
                        outcome.isLeft() ? outcome.getLeft() : null))
                .build());
    }

    /** The resilience4j registries (Spring Boot's, so health and metrics see the instances). */
    public record Registries(TimeLimiterRegistry timeLimiters, BulkheadRegistry bulkheads,
                             RateLimiterRegistry rateLimiters, CircuitBreakerRegistry circuitBreakers,
                             RetryRegistry retries) {
        public static Registries standalone() {
            return new Registries(TimeLimiterRegistry.ofDefaults(), BulkheadRegistry.ofDefaults(),
                    RateLimiterRegistry.ofDefaults(), CircuitBreakerRegistry.ofDefaults(), RetryRegistry.ofDefaults());
        }
    }

    public CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }

    /** What health reports: the breaker's state and failure rate, free bulkhead places, free rate-limit permits. */
    public java.util.Map<String, Object> state() {
        return java.util.Map.of("circuit", circuitBreaker.getState().name(),
                "failureRate", circuitBreaker.getMetrics().getFailureRate(),
                "bufferedCalls", circuitBreaker.getMetrics().getNumberOfBufferedCalls(),
                "bulkheadAvailable", bulkhead.getMetrics().getAvailableConcurrentCalls(),
                "rateLimitAvailable", rateLimiter.getMetrics().getAvailablePermissions());
    }

    /** A call that is safe to repeat (reads, idempotent writes): retried on unavailability and rate limits. */
    public <T> T safe(Supplier<CompletableFuture<T>> call) {
        return Retry.decorateSupplier(retry, guarded(call)).get();
    }

    /** A call that must not be repeated blindly (an order submit). */
    public <T> T once(Supplier<CompletableFuture<T>> call) {
        return guarded(call).get();
    }

    private <T> Supplier<T> guarded(Supplier<CompletableFuture<T>> call) {
        Supplier<T> timed = () -> timed(call);
        Supplier<T> decorated = CircuitBreaker.decorateSupplier(circuitBreaker,
                RateLimiter.decorateSupplier(rateLimiter, Bulkhead.decorateSupplier(bulkhead, timed)));
        return () -> {
            try {
                return decorated.get();
            } catch (CallNotPermittedException open) {
                throw new BrokerException(Code.UNAVAILABLE, "the broker is failing; calls paused (circuit open)");
            } catch (BulkheadFullException full) {
                throw new BrokerException(Code.UNAVAILABLE, "too many calls to the broker in flight");
            } catch (RequestNotPermitted limited) {
                throw new BrokerException(Code.RATE_LIMITED, "too many calls to the broker per second");
            }
        };
    }

    private <T> T timed(Supplier<CompletableFuture<T>> call) {
        try {
            return timeLimiter.executeFutureSupplier(call);
        } catch (TimeoutException late) {
            throw new BrokerException(Code.UNAVAILABLE, "the broker did not answer in time");
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof BrokerException broker) {
                throw broker;
            }
            throw new BrokerException(Code.UNAVAILABLE, "the broker could not be reached: "
                    + failed.getCause().getClass().getSimpleName());
        } catch (BrokerException broker) {
            throw broker;
        } catch (Exception other) {
            throw new BrokerException(Code.UNAVAILABLE, "the broker could not be reached: " + other.getClass().getSimpleName());
        }
    }

    private static long wait(ResilienceSettings settings, int attempt, Throwable failure) {
        if (failure instanceof BrokerException broker && broker.retryAfter().isPresent()) {
            Duration asked = broker.retryAfter().get();
            return Math.min(asked.toMillis(), settings.maxRetryAfter().toMillis());
        }
        return settings.backoff().toMillis() * (1L << Math.min(attempt - 1, 10));
    }
}
