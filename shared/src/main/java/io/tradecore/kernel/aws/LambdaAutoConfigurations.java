package io.tradecore.kernel.aws;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * A Lambda boots only the auto-configurations its functions use. A function package carries the whole kernel's
 * classpath (actuator, Spring Integration via Spring Cloud Stream, Kafka, metrics exporters, health indicators,
 * WebFlux and servlet pieces), and plain {@code @EnableAutoConfiguration} evaluates and builds all of them on every
 * cold start, for a process that serves one function and exposes no endpoint. With {@code tradecore.runtime=lambda}
 * this filter lets through the kernel's and the modules' own configurations ({@code io.tradecore.*}) and the few
 * Spring ones their beans need; every other runtime is left untouched.
 *
 * <p>What the list holds and why: JSON (Jackson), the JDBC data source, templates and transactions (every function),
 * Redis (caches, saga locks), Kafka's factories and admin (the relay and topic provisioning jobs; nothing connects
 * until used), a meter registry to inject (the kernel records timers; a Lambda exports none), Spring Cloud
 * Function's catalog (the handler looks the function up there) and resilience4j's registries (broker calls).
 * A function that needs another auto-configuration adds it with {@code tradecore.lambda.auto-configurations}
 * ({@code *} admits them all, as without this filter).
 * Only registered auto-configurations are judged: the configurations an admitted one imports (Boot passes those
 * through the filters too) belong to it and go through.
 */
public final class LambdaAutoConfigurations
        implements AutoConfigurationImportFilter, EnvironmentAware, BeanClassLoaderAware {

    static final Set<String> ALLOWED = Set.of(
            "org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration",
            "io.github.resilience4j.springboot.bulkhead.autoconfigure.BulkheadAutoConfiguration",
            "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
            "io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimiterAutoConfiguration",
            "io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration",
            "io.github.resilience4j.springboot.timelimiter.autoconfigure.TimeLimiterAutoConfiguration");

    private boolean lambda;
    private Set<String> extra = Set.of();
    private ClassLoader loader;
    private Set<String> registered;

    @Override
    public void setEnvironment(Environment environment) {
        lambda = "lambda".equals(environment.getProperty("tradecore.runtime"));
        extra = Set.of(environment.getProperty("tradecore.lambda.auto-configurations", String[].class, new String[0]));
    }

    @Override
    public void setBeanClassLoader(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public boolean[] match(String[] candidates, AutoConfigurationMetadata metadata) {
        boolean[] matches = new boolean[candidates.length];
        if (!lambda || extra.contains("*")) {
            Arrays.fill(matches, true); // every other runtime, and the escape hatch: nothing to judge, nothing to load
            return matches;
        }
        for (int i = 0; i < candidates.length; i++) {
            matches[i] = admits(candidates[i]);
        }
        return matches;
    }

    private boolean admits(String candidate) {
        return candidate == null || !registered().contains(candidate) || candidate.startsWith("io.tradecore.")
                || ALLOWED.contains(candidate) || extra.contains(candidate);
    }

    /** The registered auto-configurations, read once and only in a Lambda. */
    private Set<String> registered() {
        if (registered == null) {
            Set<String> names = new HashSet<>();
            ImportCandidates.load(AutoConfiguration.class, loader).forEach(names::add);
            registered = names;
        }
        return registered;
    }
}
