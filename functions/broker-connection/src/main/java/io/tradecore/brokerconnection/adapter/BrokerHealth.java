package io.tradecore.brokerconnection.adapter;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The brokers' call guards in {@code /actuator/health} (component {@code brokers}): each breaker's state and failure
 * rate, the bulkhead's and rate limiter's free places. An open breaker reports the component out of service, so
 * operators see a failing brokerage; the same instances publish {@code resilience4j.*} metrics.
 */
public final class BrokerHealth implements HealthIndicator {

    private final AlpacaConnector alpaca;

    public BrokerHealth(AlpacaConnector alpaca) {
        this.alpaca = alpaca;
    }

    @Override
    public Health health() {
        BrokerCalls calls = alpaca.calls();
        Health.Builder health = calls.circuitState() == CircuitBreaker.State.OPEN ? Health.outOfService() : Health.up();
        return health.withDetail(alpaca.broker(), calls.state()).build();
    }
}
