package io.tradecore.kernel.maintenance;

import io.tradecore.kernel.config.TradeCoreProperties;
import io.tradecore.kernel.domain.Ids;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import io.tradecore.kernel.eventstore.EventCodec;
import io.tradecore.kernel.eventstore.EventStore;
import io.tradecore.kernel.function.Accepted;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.JobReport;
import io.tradecore.kernel.function.Query;
import io.tradecore.kernel.outbox.Topics;
import io.tradecore.kernel.projection.Checkpoints;
import io.tradecore.kernel.projection.Projection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator functions over read models, in every module's process: rebuild, repair, integrity check (a job, and
 * a command for one projection on demand), the run's progress, the issues found, and the job that publishes them.
 */
@Configuration(proxyBeanMethods = false)
public class MaintenanceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceConfiguration.class);
    private static final long SEVEN_DAYS_MS = 7L * 24 * 3600 * 1000;
    private static final Set<String> STATUSES = Set.of("open", "resolved", "all");

    /** The body of a rebuild, repair or on-demand check: the projection's name, as its checkpoints carry it. */
    public record ReadModelRequest(String projection) {
        public ReadModelRequest {
            Texts.bounded(projection, "projection", 1, 100);
        }
    }

    public record RunQuery(String runId) {
        public RunQuery {
            Texts.required(runId, "runId");
            try {
                UUID.fromString(runId);
            } catch (IllegalArgumentException e) {
                throw Rejection.invalid("runId", "runId must be a UUID");
            }
        }
    }

    /** {@code status}: open (default), resolved or all; {@code limit}: 1 to 1000, 100 when absent. */
    public record IssuesQuery(String projection, String status, Integer limit) {
        public IssuesQuery {
            status = status == null ? "open" : status;
            limit = limit == null ? 100 : limit;
            if (!STATUSES.contains(status)) {
                throw Rejection.invalid("status", "status must be open, resolved or all");
            }
            if (limit < 1 || limit > 1000) {
                throw Rejection.invalid("limit", "limit must be 1 to 1000");
            }
            if (projection != null) {
                Texts.bounded(projection, "projection", 1, 100);
            }
        }
    }

    @Bean
    IntegrityIssues integrityIssues(JdbcClient jdbc, TransactionTemplate transactions,
                                    @Lazy Producer<String, byte[]> outboxProducer, Topics topics, JsonMapper json,
                                    Clock clock, Ids ids) {
        return new IntegrityIssues(jdbc, transactions, () -> outboxProducer, topics, json, clock, ids::next);
    }

    @Bean
    NewTopic dataIntegrityAlertsTopic(Topics topics, TradeCoreProperties properties) {
        return new NewTopic(topics.prefix() + IntegrityIssues.TOPIC, properties.kafka().partitions(),
                properties.kafka().replicationFactor())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(SEVEN_DAYS_MS)));
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService readModelMaintenanceExecutor() {
        return Executors.newFixedThreadPool(2, Thread.ofPlatform().name("read-model-maintenance-", 0).daemon().factory());
    }

    @Bean
    ReadModelMaintenance readModelMaintenance(ObjectProvider<Projection<?>> projections, EventCodec codec,
                                              EventStore store, JdbcClient jdbc, TransactionTemplate transactions,
                                              Checkpoints checkpoints, IntegrityIssues issues, Clock clock, Ids ids,
                                              ExecutorService readModelMaintenanceExecutor) {
        ExecutorService readers = Executors.newCachedThreadPool(
                Thread.ofPlatform().name("read-model-replay-reader-", 0).daemon().factory());
        return new ReadModelMaintenance(() -> projections.orderedStream().toList(), codec, store, jdbc, transactions,
                checkpoints, issues, clock, ids::next, readModelMaintenanceExecutor, readers, 2000, "2s");
    }

    @Bean
    Function<Command<ReadModelRequest>, Accepted> rebuildReadModel(ReadModelMaintenance maintenance) {
        return command -> start(maintenance, command, RunProgress.Kind.REBUILD);
    }

    @Bean
    Function<Command<ReadModelRequest>, Accepted> repairReadModel(ReadModelMaintenance maintenance) {
        return command -> start(maintenance, command, RunProgress.Kind.REPAIR);
    }

    @Bean
    Function<Command<ReadModelRequest>, Accepted> requestIntegrityCheck(ReadModelMaintenance maintenance) {
        return command -> start(maintenance, command, RunProgress.Kind.CHECK);
    }

    @Bean
    Function<Query<RunQuery>, RunProgress> getRebuildProgress(ReadModelMaintenance maintenance) {
        return query -> {
            query.actor().requireAdmin();
            return maintenance.progress(UUID.fromString(query.params().runId()))
                    .orElseThrow(() -> Rejection.notFound("run-not-found", "no rebuild, repair or check with that id"));
        };
    }

    @Bean
    Function<Query<IssuesQuery>, List<IntegrityIssues.Issue>> listIntegrityIssues(ReadModelMaintenance maintenance) {
        return query -> {
            query.actor().requireAdmin();
            IssuesQuery params = query.params();
            return maintenance.issues().list(params.projection(), params.status(), params.limit());
        };
    }

    /** Checks every projection of this process that declares its tables; reports the differences found. */
    @Bean
    Supplier<JobReport> checkIntegrity(ReadModelMaintenance maintenance) {
        return () -> {
            long differences = 0;
            for (String projection : maintenance.maintainableProjections()) {
                try {
                    RunProgress run = maintenance.runNow(projection, RunProgress.Kind.CHECK, "schedule");
                    differences += run.differences() == null ? 0 : run.differences();
                } catch (Rejection busy) {
                    log.info("checkIntegrity: skipping {}: {}", projection, busy.getMessage());
                }
            }
            return new JobReport("checkIntegrity", differences);
        };
    }

    /** Publishes recorded issues a check could not publish right away (Kafka was down, the process died). */
    @Bean
    Supplier<JobReport> publishIntegrityAlerts(IntegrityIssues issues) {
        return () -> new JobReport("publishIntegrityAlerts", issues.publishPending(1000));
    }

    private static Accepted start(ReadModelMaintenance maintenance, Command<ReadModelRequest> command,
                                  RunProgress.Kind kind) {
        command.actor().requireAdmin();
        RunProgress run = maintenance.start(command.body().projection(), kind, command.actor().userId());
        return new Accepted(run.runId().toString(), run.kind(), run.projection(),
                "/api/operations/read-models/runs/" + run.runId());
    }
}
