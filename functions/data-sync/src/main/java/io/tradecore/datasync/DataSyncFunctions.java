package io.tradecore.datasync;

import io.tradecore.contracts.broker.ConnectedBrokers;
import io.tradecore.datasync.api.SyncRequests.GetSyncStatus;
import io.tradecore.datasync.api.SyncRequests.RequestAccountSync;
import io.tradecore.datasync.api.SyncStatusView;
import io.tradecore.datasync.domain.AccountSyncs;
import io.tradecore.datasync.domain.SyncCommand;
import io.tradecore.datasync.domain.SyncCommand.RequestSync;
import io.tradecore.datasync.domain.SyncEvent;
import io.tradecore.datasync.domain.SyncState;
import io.tradecore.datasync.readmodel.ConnectedAccountsProjection;
import io.tradecore.datasync.readmodel.SyncProjection;
import io.tradecore.datasync.readmodel.SyncReadModel;
import io.tradecore.datasync.sync.HistorySync;
import io.tradecore.datasync.sync.SyncAccount;
import io.tradecore.datasync.sync.SyncLocks;
import io.tradecore.datasync.sync.SyncRequestRouting;
import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.command.CommandHandler;
import io.tradecore.kernel.config.KernelConfiguration;
import io.tradecore.kernel.config.TradeCoreProperties;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.kernel.domain.Ids;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.eventstore.EventCodec;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.JobReport;
import io.tradecore.kernel.function.Query;
import io.tradecore.kernel.function.RequestContext;
import io.tradecore.kernel.gateway.QueryBus;
import io.tradecore.kernel.outbox.Topics;
import io.tradecore.kernel.projection.ProjectionRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;

/** data_sync's function beans. Routes, topics and schedule: {@link DataSyncCatalog}. */
@AutoConfiguration(after = KernelConfiguration.class)
@EnableConfigurationProperties(DataSyncProperties.class)
public class DataSyncFunctions {

    @Bean
    EventTypes<SyncEvent> syncEvents() {
        return AccountSyncs.EVENTS;
    }

    /** The account's sync stream; users may only request, and only for themselves (the platform does the rest). */
    @Bean
    CommandHandler<SyncCommand, SyncState, SyncEvent> accountSyncs(Aggregates aggregates) {
        return aggregates.handler(AccountSyncs.AGGREGATE, SyncCommand::streamId)
                .authorizedBy((command, sync) -> {
                    Actor actor = command.actor();
                    if (!actor.isSystem() && !(command.body() instanceof RequestSync r
                            && r.userId().equals(actor.userId()))) {
                        throw Rejection.forbidden("only the platform runs syncs");
                    }
                });
    }

    @Bean
    Function<Command<RequestAccountSync>, CommandResult> requestAccountSync(
            CommandHandler<SyncCommand, SyncState, SyncEvent> accountSyncs, QueryBus queries, Ids ids, Clock clock) {
        return command -> {
            RequestAccountSync body = command.body();
            SyncAccount account = queries.find("getAccountById", Map.of("accountId", body.accountId()),
                            command.actor(), SyncAccount.class)
                    .filter(found -> found.userId() != null && found.userId().equals(command.actor().userId()))
                    .orElseThrow(() -> Rejection.notFound("account-not-found", "account not found"));
            if (!account.isConnected()) {
                throw Rejection.unprocessable("account-not-connected",
                        "only accounts at a connected broker sync; a paper account's history is TradeCore's own");
            }
            return accountSyncs.apply(command.<SyncCommand>map(b -> new RequestSync(b.accountId(), account.userId(),
                    ids.next().toString(), b.since(), "user", clock.instant())));
        };
    }

    /** Every connected account, once per schedule tick: the same request a user can make. */
    @Bean
    Supplier<JobReport> requestScheduledSyncs(CommandHandler<SyncCommand, SyncState, SyncEvent> accountSyncs,
                                              SyncReadModel syncs, Ids ids, Clock clock) {
        return () -> {
            long requested = 0;
            for (SyncReadModel.ConnectedAccount account : syncs.connectedAccounts()) {
                accountSyncs.apply(new Command<>(new RequestSync(account.accountId().toString(), account.userId(),
                        ids.next().toString(), null, "schedule", clock.instant()),
                        RequestContext.of(ids.next(), Actor.system(account.userId()))));
                requested++;
            }
            return new JobReport("requestScheduledSyncs", requested);
        };
    }

    @Bean
    Function<Query<GetSyncStatus>, SyncStatusView> getSyncStatus(SyncReadModel syncs) {
        return query -> {
            SyncStatusView status = syncs.status(query.params().accountId())
                    .orElseThrow(() -> Rejection.notFound("sync-not-found", "no sync for this account"));
            query.actor().requireSelfOrAdmin(status.userId(), "sync");
            return status;
        };
    }

    @Bean
    SyncProjection syncProjection(JdbcClient jdbc) {
        return new SyncProjection(jdbc);
    }

    @Bean
    SyncReadModel syncReadModel(JdbcClient jdbc) {
        return new SyncReadModel(jdbc);
    }

    @Bean
    Consumer<List<byte[]>> projectSyncRuns(ProjectionRuntime runtime, SyncProjection projection) {
        return runtime.consumer(projection);
    }

    @Bean
    Consumer<List<byte[]>> trackConnectedAccounts(ProjectionRuntime runtime, JdbcClient jdbc) {
        return runtime.consumer(new ConnectedAccountsProjection(jdbc));
    }

    @Bean
    SyncRequestRouting syncRequestRouting(EventCodec codec, @Lazy Producer<String, byte[]> outboxProducer,
                                          Topics topics) {
        return new SyncRequestRouting(codec, outboxProducer, topics);
    }

    @Bean
    Consumer<List<byte[]>> routeSyncRequests(SyncRequestRouting routing) {
        return routing::forward;
    }

    @Bean
    SyncLocks syncLocks(StringRedisTemplate redis, DataSyncProperties properties) {
        return new SyncLocks(redis, properties.lockLease());
    }

    @Bean
    HistorySync historySync(CommandHandler<SyncCommand, SyncState, SyncEvent> accountSyncs, Aggregates aggregates,
                            QueryBus queries, ObjectProvider<ConnectedBrokers> brokers, SyncLocks locks, Clock clock,
                            Ids ids, DataSyncProperties properties) {
        return new HistorySync(accountSyncs, aggregates, queries, java.util.Optional.ofNullable(brokers.getIfAvailable()),
                locks, clock, ids, properties.maxPages());
    }

    @Bean
    Consumer<List<byte[]>> syncAccountHistory(SyncRequestRouting routing, HistorySync sync) {
        return batch -> routing.requests(batch).forEach(sync::run);
    }

    /** The worker topic, kept 7 days like the bus. */
    @Bean
    KafkaAdmin.NewTopics syncRequestTopic(Topics topics, TradeCoreProperties properties) {
        var kafka = properties.kafka();
        return new KafkaAdmin.NewTopics(new NewTopic(SyncRequestRouting.topic(topics), kafka.partitions(),
                kafka.replicationFactor()).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(Duration.ofDays(7).toMillis()))));
    }
}
