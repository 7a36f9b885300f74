package io.tradecore.kernel.aws;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * What only a Lambda's context has: components started on first use rather than at refresh, Kafka's singletons
 * made lazy like the rest, and the first database connection opened while the context is still being built.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "tradecore.runtime", havingValue = "lambda")
public class LambdaConfiguration {

    @Bean(name = OnDemandLifecycle.LIFECYCLE_PROCESSOR)
    static OnDemandLifecycle lambdaLifecycle() {
        return new OnDemandLifecycle();
    }

    @Bean
    static BeanFactoryPostProcessor lambdaLazyKafka() {
        return OnDemandLifecycle.lazyKafka();
    }

    @Bean
    static ConnectionWarmup connectionWarmup() {
        return new ConnectionWarmup();
    }
}
