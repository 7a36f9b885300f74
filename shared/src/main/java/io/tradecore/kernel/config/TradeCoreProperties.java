package io.tradecore.kernel.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything configurable about the kernel, with defaults that run locally. Secrets have local-only defaults;
 * a deploy sets them from its secret store.
 */
@ConfigurationProperties("tradecore")
public record TradeCoreProperties(
        @DefaultValue Db db,
        @DefaultValue Kafka kafka,
        @DefaultValue Security security,
        @DefaultValue Commands commands,
        @DefaultValue Queries queries,
        @DefaultValue Relay relay,
        @DefaultValue Gateway gateway) {

    /**
     * {@code schema}: where all tables live; tests use a fresh one each. {@code migrateOnStart}: off on Lambda,
     * where the deploy runs the {@code migrateSchema} job once.
     */
    public record Db(@DefaultValue("public") String schema, @DefaultValue("true") boolean migrateOnStart) {
    }

    public record Kafka(
            @DefaultValue("127.0.0.1:9092") String bootstrapServers,
            @DefaultValue("") String topicPrefix,
            @DefaultValue("8") int partitions,
            @DefaultValue("1") short replicationFactor) {
    }

    public record Security(
            @DefaultValue("local-dev-only-secret-change-me-in-every-deploy-0123456789") String jwtSecret,
            @DefaultValue("1h") Duration tokenLifetime,
            @DefaultValue("local-dev-only-fingerprint-secret") String fingerprintSecret,
            @DefaultValue List<String> adminUsernames) {
    }

    /**
     * @param recentStates       how many committed aggregate states a process keeps as starting points for loads
     * @param policyKeyRetention how long a policy's command keys are kept: longer than the event bus keeps events,
     *                           so a redelivered event always finds its commands done
     * @param policyBatch        how many events' commands a policy declared in batches commits in one transaction
     *                           (1: one transaction per command)
     */
    public record Commands(@DefaultValue("5") int maxAttempts, @DefaultValue("24h") Duration idempotencyRetention,
                           @DefaultValue("10000") int recentStates, @DefaultValue("30d") Duration policyKeyRetention,
                           @DefaultValue("32") int policyBatch) {
    }

    public record Queries(@DefaultValue("2s") Duration consistencyTimeout, @DefaultValue("10m") Duration cacheTtl) {
    }

    public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("500") int batchSize,
                        @DefaultValue("5ms") Duration idlePause, @DefaultValue("50s") Duration drainBudget) {
    }

    public record Gateway(@DefaultValue("65536") int maxBodyBytes) {
    }
}
