package io.tradecore.brokerconnection;

import io.tradecore.brokerconnection.adapter.ResilienceSettings;
import io.tradecore.kernel.saga.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tradecore.broker-connection.*}: the saga's step timeout (30 s to 300 s) and attempts, the Alpaca-style
 * broker's base URL and call limits, and the credential vault's master key. The default master key is for local
 * development only; a deploy sets its own (or wraps data keys with KMS instead).
 */
@ConfigurationProperties("tradecore.broker-connection")
public record BrokerConnectionProperties(
        @DefaultValue("60s") Duration stepTimeout,
        @DefaultValue("2") int stepAttempts,
        @DefaultValue("5s") Duration stepBackoff,
        @DefaultValue("https://paper-api.alpaca.markets") URI alpacaBaseUrl,
        @DefaultValue Calls calls,
        @DefaultValue("bG9jYWwtZGV2LW9ubHktbWFzdGVyLWtleS0zMmJ5dGU=") String masterKey,
        @DefaultValue("local-master-key-1") String masterKeyId) {

    public record Calls(@DefaultValue("10s") Duration timeout, @DefaultValue("3") int attempts,
                        @DefaultValue("200ms") Duration backoff, @DefaultValue("5s") Duration maxRetryAfter,
                        @DefaultValue("50") float failureRate, @DefaultValue("20") int window,
                        @DefaultValue("30s") Duration openFor, @DefaultValue("50") int perSecond,
                        @DefaultValue("20") int concurrent) {

        public ResilienceSettings settings() {
            return new ResilienceSettings(timeout, attempts, backoff, maxRetryAfter, failureRate, window, openFor,
                    perSecond, concurrent);
        }
    }

    public RetryPolicy retryPolicy() {
        return RetryPolicy.times(stepAttempts, stepBackoff);
    }
}
