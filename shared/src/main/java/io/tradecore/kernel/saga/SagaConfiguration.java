package io.tradecore.kernel.saga;

import io.tradecore.kernel.config.TradeCoreProperties;
import io.tradecore.kernel.eventstore.EventCodec;
import io.tradecore.kernel.outbox.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saga engine's beans. A module that runs sagas imports this configuration and declares its
 * {@link SagaDefinition}s as beans; their {@code saga.{name}} topics (7-day retention, like the bus) are created at
 * start-up with the domain topics.
 */
@Configuration(proxyBeanMethods = false)
public class SagaConfiguration {

    private static final long SEVEN_DAYS_MS = 7L * 24 * 3600 * 1000;

    @Bean
    SagaStore sagaStore(JdbcClient jdbc, JsonMapper json) {
        return new SagaStore(jdbc, json);
    }

    @Bean
    SagaLocks sagaLocks(StringRedisTemplate redis) {
        return new SagaLocks(redis, Duration.ofSeconds(30), Duration.ofMillis(500));
    }

    /** Shares the outbox relay's producer, made on first use (a function that starts no saga never connects). */
    @Bean
    SagaCommandRelay sagaCommandRelay(JdbcClient jdbc, TransactionTemplate transactions,
                                      @Lazy Producer<String, byte[]> outboxProducer, Topics topics, JsonMapper json,
                                      Clock clock) {
        return new SagaCommandRelay(jdbc, transactions, outboxProducer, topics, json, clock);
    }

    @Bean
    SagaRuntime sagaRuntime(SagaStore store, SagaLocks locks, SagaCommandRelay relay, EventCodec codec,
                            TransactionTemplate transactions, Clock clock) {
        return new SagaRuntime(store, locks, relay, codec, transactions, clock);
    }

    @Bean
    SagaSteps sagaSteps(JsonMapper json, SagaStore store, Clock clock) {
        return new SagaSteps(json, store, clock);
    }

    @Bean
    KafkaAdmin.NewTopics sagaTopics(ObjectProvider<SagaDefinition<?>> sagas, Topics topics,
                                    TradeCoreProperties properties) {
        var kafka = properties.kafka();
        return new KafkaAdmin.NewTopics(sagas.orderedStream().map(saga ->
                new NewTopic(SagaCommandRelay.topic(topics, saga.name()), kafka.partitions(), kafka.replicationFactor())
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(SEVEN_DAYS_MS))))
                .toArray(NewTopic[]::new));
    }
}
