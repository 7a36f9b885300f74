package io.tradecore.kernel.config;

import com.github.f4b6a3.uuid.UuidCreator;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradecore.kernel.cache.ReadModelCache;
import io.tradecore.kernel.catalog.FunctionCatalogIndex;
import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.command.IdempotencyStore;
import io.tradecore.kernel.command.UniqueClaims;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.kernel.domain.Ids;
import io.tradecore.kernel.eventstore.EventCodec;
import io.tradecore.kernel.eventstore.EventStore;
import io.tradecore.kernel.eventstore.Upcaster;
import io.tradecore.kernel.function.JobReport;
import io.tradecore.kernel.gateway.Gateway;
import io.tradecore.kernel.gateway.GatewayRoutes;
import io.tradecore.kernel.gateway.OpenApiDocument;
import io.tradecore.kernel.gateway.QueryBus;
import io.tradecore.kernel.json.SingleValueModule;
import io.tradecore.kernel.outbox.OutboxRelay;
import io.tradecore.kernel.outbox.Topics;
import io.tradecore.kernel.policy.PolicyRuntime;
import io.tradecore.kernel.projection.Checkpoints;
import io.tradecore.kernel.projection.ConsistencyWaiter;
import io.tradecore.kernel.projection.ParkedEvents;
import io.tradecore.kernel.projection.Projection;
import io.tradecore.kernel.projection.ProjectionRuntime;
import io.tradecore.kernel.security.PasswordHasher;
import io.tradecore.kernel.security.TokenService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/** The kernel's beans. Domain modules add deciders, projections and catalog entries on top. */
@AutoConfiguration
@EnableConfigurationProperties(TradeCoreProperties.class)
@Import({TokenConfiguration.class, SecurityConfiguration.class, OperationsConfiguration.class,
        io.tradecore.kernel.maintenance.MaintenanceConfiguration.class})
public class KernelConfiguration {

    private static final long TEN_YEARS_MS = 10L * 365 * 24 * 3600 * 1000;
    private static final long SEVEN_DAYS_MS = 7L * 24 * 3600 * 1000;

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    Ids ids() {
        return UuidCreator::getTimeOrderedEpoch;
    }

    @Bean
    SingleValueModule singleValueModule() {
        return new SingleValueModule();
    }

    @Bean
    FunctionCatalogIndex functionCatalogIndex() {
        return FunctionCatalogIndex.load(KernelConfiguration.class.getClassLoader());
    }

    @Bean
    SchemaMigrations schemaMigrations(DataSource dataSource, TradeCoreProperties properties, FunctionCatalogIndex catalog) {
        SchemaMigrations migrations = new SchemaMigrations(dataSource, properties.db().schema(), catalog);
        if (properties.db().migrateOnStart()) {
            migrations.migrate();
        }
        return migrations;
    }

    /** The deploy's one-off migration step (the Lambda runtime does not migrate on start). */
    @Bean
    java.util.function.Supplier<JobReport> migrateSchema(SchemaMigrations migrations) {
        return () -> new JobReport("migrateSchema", migrations.migrate());
    }

    @Bean
    EventCodec eventCodec(JsonMapper json, ObjectProvider<EventTypes<?>> registries, ObjectProvider<Upcaster> upcasters) {
        return new EventCodec(json, registries.orderedStream().toList(), upcasters.orderedStream().toList());
    }

    @Bean
    EventStore eventStore(SchemaMigrations migrated, JdbcClient jdbc, EventCodec codec, Ids ids) {
        return new EventStore(jdbc, codec, ids::next);
    }

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbc, JsonMapper json) {
        return new IdempotencyStore(jdbc, json);
    }

    @Bean
    UniqueClaims uniqueClaims(JdbcClient jdbc) {
        return new UniqueClaims(jdbc);
    }

    @Bean
    Aggregates aggregates(EventStore store, IdempotencyStore idempotency, TransactionTemplate transactions,
                          JsonMapper json, Clock clock, TradeCoreProperties properties) {
        return new Aggregates(store, idempotency, transactions, json, clock, properties.commands().maxAttempts(),
                properties.commands().recentStates());
    }

    @Bean
    java.util.function.Supplier<JobReport> expireIdempotencyKeys(IdempotencyStore store, TradeCoreProperties properties) {
        return () -> new JobReport("expireIdempotencyKeys", store.expireOlderThan(
                properties.commands().idempotencyRetention(), properties.commands().policyKeyRetention()));
    }

    @Bean
    Checkpoints checkpoints(JdbcClient jdbc) {
        return new Checkpoints(jdbc);
    }

    @Bean
    ParkedEvents parkedEvents(JdbcClient jdbc, Checkpoints checkpoints) {
        return new ParkedEvents(jdbc, checkpoints);
    }

    @Bean
    ProjectionRuntime projectionRuntime(EventCodec codec, EventStore store, Checkpoints checkpoints,
                                        TransactionTemplate transactions, MeterRegistry meters, Clock clock,
                                        ParkedEvents parked) {
        return new ProjectionRuntime(codec, store, checkpoints, transactions, meters, clock, parked, 3);
    }

    @Bean
    PolicyRuntime policyRuntime(EventCodec codec, EventStore store, ParkedEvents parked,
                                TransactionTemplate transactions, Aggregates aggregates, TradeCoreProperties properties) {
        return new PolicyRuntime(codec, store, parked, transactions, 3, aggregates, properties.commands().policyBatch());
    }

    @Bean
    QueryBus queryBus(ObjectProvider<Gateway> gateway, JsonMapper json) {
        return new QueryBus(gateway::getObject, json);
    }

    @Bean
    ConsistencyWaiter consistencyWaiter(Checkpoints checkpoints, TradeCoreProperties properties, EventStore store,
                                        ProjectionRuntime runtime, ObjectProvider<Projection<?>> projections) {
        // Looked up when first needed (a checkpoint behind a token): a Lambda's context creates its beans lazily.
        return new ConsistencyWaiter(checkpoints, properties.queries().consistencyTimeout(), store,
                name -> projections.stream().filter(projection -> projection.name().equals(name)).findFirst()
                        .map(runtime::takenTypes).orElse(null));
    }

    @Bean
    ReadModelCache readModelCache(StringRedisTemplate redis, JsonMapper json, TradeCoreProperties properties) {
        return new ReadModelCache(redis, json, properties.queries().cacheTtl());
    }

    @Bean
    Topics topics(TradeCoreProperties properties) {
        return new Topics(properties.kafka().topicPrefix());
    }

    /** The archive and bus topics of every domain, created at start-up if missing. */
    @Bean
    KafkaAdmin.NewTopics domainTopics(FunctionCatalogIndex catalog, Topics topics, TradeCoreProperties properties) {
        var kafka = properties.kafka();
        return new KafkaAdmin.NewTopics(catalog.domains().stream().flatMap(domain -> java.util.stream.Stream.of(
                new NewTopic(topics.eventstore(domain), kafka.partitions(), kafka.replicationFactor())
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(TEN_YEARS_MS))),
                new NewTopic(topics.transport(domain), kafka.partitions(), kafka.replicationFactor())
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(SEVEN_DAYS_MS))))
        ).toArray(NewTopic[]::new));
    }

    @Bean(destroyMethod = "close")
    @Lazy
    KafkaProducer<String, byte[]> outboxProducer(TradeCoreProperties properties) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // One produce request in flight per broker. With more, a request that reaches a just-created partition
        // before its leader is ready (NOT_LEADER_OR_FOLLOWER) can be overtaken by the next one, after which the
        // broker refuses the first one's retries (OUT_OF_ORDER_SEQUENCE_NUMBER) until delivery.timeout.ms, and a
        // stream's events land out of order (KAFKA-15591; seen here in LambdaHandlersIT). The relay waits for a
        // batch's acknowledgements anyway, and one request carries every partition's ready records.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "tradecore-outbox-relay");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * The relay; its background loop runs only where {@code tradecore.relay.enabled} (not on Lambda). Its producer is
     * made on first use: a Lambda that serves a command or query never connects to Kafka.
     */
    @Bean
    OutboxRelay outboxRelay(EventStore store, EventCodec codec, @Lazy Producer<String, byte[]> outboxProducer,
                            JdbcClient jdbc, DataSource dataSource, Topics topics, TradeCoreProperties properties) {
        var relay = properties.relay();
        OutboxRelay outbox = new OutboxRelay("outbox", store, codec, outboxProducer, jdbc, dataSource, topics,
                relay.batchSize(), relay.idlePause());
        outbox.setAutoStartup(relay.enabled());
        return outbox;
    }

    /** The scheduled relay of the serverless deploy: drains for {@code tradecore.relay.drain-budget} (50 s). */
    @Bean
    java.util.function.Supplier<JobReport> relayOutbox(OutboxRelay relay, TradeCoreProperties properties) {
        // Where the background loop is the configured relay, it is the only one, even while an operator stopped it.
        return () -> new JobReport("relayOutbox",
                relay.isAutoStartup() ? 0 : relay.drain(properties.relay().drainBudget()));
    }

    /** A deploy step: creates the archive and bus topics of every domain that are missing. */
    @Bean
    java.util.function.Supplier<JobReport> provisionTopics(KafkaAdmin admin, FunctionCatalogIndex catalog) {
        return () -> {
            if (!admin.initialize()) {
                throw new IllegalStateException("Kafka did not answer; topics not provisioned");
            }
            return new JobReport("provisionTopics", 2L * catalog.domains().size()); // archive and bus per domain
        };
    }

    /** Jobs run on their own only when all functions share a long-running process; on Lambda a schedule calls them. */
    @Bean
    @ConditionalOnProperty(name = "tradecore.runtime", havingValue = "server", matchIfMissing = true)
    LocalJobScheduler localJobScheduler(FunctionCatalogIndex catalog, FunctionCatalog functions) {
        return new LocalJobScheduler(catalog, functions);
    }

    @Bean
    PasswordHasher passwordHasher() {
        return new PasswordHasher();
    }

    @Bean
    Gateway gateway(FunctionCatalogIndex catalog, FunctionCatalog functions, JsonMapper json,
                    ConsistencyWaiter consistency, Ids ids, TradeCoreProperties properties) {
        return new Gateway(catalog, functions, json,
                properties.security().fingerprintSecret().getBytes(StandardCharsets.UTF_8), consistency, ids::next,
                properties.gateway().maxBodyBytes());
    }

    /** The local gateway's HTTP routes; a Lambda (no web server) is handed its requests by the platform. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    RouterFunction<ServerResponse> gatewayRoutes(Gateway gateway) {
        return GatewayRoutes.of(gateway.resolveAll());
    }

    /** {@code GET /api/openapi.json} (public): the OpenAPI 3.1 document of the catalog's routes, built at start-up. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    RouterFunction<ServerResponse> openApiRoute(FunctionCatalogIndex catalog, FunctionCatalog functions, JsonMapper json) {
        String document = json.writeValueAsString(OpenApiDocument.build("TradeCore", "0.1.0",
                OpenApiDocument.operations(catalog, functions), json));
        return RouterFunctions.route().GET(OpenApiDocument.PATH, request ->
                ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(document)).build();
    }

    @Bean
    TokenService tokenService(org.springframework.security.oauth2.jwt.JwtEncoder encoder, Clock clock,
                              TradeCoreProperties properties) {
        return new TokenService(encoder, clock, properties.security().tokenLifetime());
    }
}
