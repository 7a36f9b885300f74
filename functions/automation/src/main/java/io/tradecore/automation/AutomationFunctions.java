package io.tradecore.automation;

import io.tradecore.automation.api.AlertList;
import io.tradecore.automation.api.AlertQueries.GetAlert;
import io.tradecore.automation.api.AlertQueries.ListAlerts;
import io.tradecore.automation.api.AlertRequests.AlertCreatedAnswer;
import io.tradecore.automation.api.AlertRequests.AlertIdRequest;
import io.tradecore.automation.api.AlertRequests.CreateAlertRequest;
import io.tradecore.automation.api.AlertView;
import io.tradecore.automation.creation.AlertCreation;
import io.tradecore.automation.domain.Alert;
import io.tradecore.automation.domain.AlertBook;
import io.tradecore.automation.domain.AlertCommand;
import io.tradecore.automation.domain.AlertCommand.ChangeAlert;
import io.tradecore.automation.domain.AlertCommand.CreateAlert;
import io.tradecore.automation.domain.AlertCommand.DeleteAlert;
import io.tradecore.automation.domain.AlertCommand.ExpireAlerts;
import io.tradecore.automation.domain.AlertCommand.PauseAlert;
import io.tradecore.automation.domain.AlertCommand.ResumeAlert;
import io.tradecore.automation.domain.AlertEvent;
import io.tradecore.automation.domain.AlertEvent.AlertCreated;
import io.tradecore.automation.domain.AlertId;
import io.tradecore.automation.domain.Alerts;
import io.tradecore.automation.domain.Symbol;
import io.tradecore.automation.policy.EvaluateAlerts;
import io.tradecore.automation.publish.PriceAlertPublisher;
import io.tradecore.automation.readmodel.AlertProjection;
import io.tradecore.automation.readmodel.AlertReadModel;
import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.command.CommandHandler;
import io.tradecore.kernel.config.KernelConfiguration;
import io.tradecore.kernel.config.TradeCoreProperties;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.kernel.domain.Ids;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.eventstore.EventCodec;
import io.tradecore.kernel.eventstore.EventStore;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.JobReport;
import io.tradecore.kernel.function.Query;
import io.tradecore.kernel.function.RequestContext;
import io.tradecore.kernel.gateway.QueryBus;
import io.tradecore.kernel.outbox.Topics;
import io.tradecore.kernel.policy.PolicyRuntime;
import io.tradecore.kernel.projection.ProjectionRuntime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.json.JsonMapper;

/** automation's function beans; each hands its work to the kernel. Routes and topics: {@link AutomationCatalog}. */
@AutoConfiguration(after = KernelConfiguration.class)
public class AutomationFunctions {

    private static final long SEVEN_DAYS_MS = 7L * 24 * 3600 * 1000;

    @Bean
    EventTypes<AlertEvent> alertEvents() {
        return Alerts.EVENTS;
    }

    @Bean
    AlertProjection alertProjection(JdbcClient jdbc, JsonMapper json) {
        return new AlertProjection(jdbc, json);
    }

    @Bean
    AlertReadModel alertReadModel(JdbcClient jdbc, JsonMapper json) {
        return new AlertReadModel(jdbc, json);
    }

    @Bean
    AlertCreation alertCreation(QueryBus queries, Ids ids, Clock clock) {
        return new AlertCreation(queries, ids, clock);
    }

    /**
     * Every alert-book command: a user creates and changes only their own alerts; ticks and expiry are the platform's.
     * A creation records the alert's book in {@code alert_books} in the same transaction.
     */
    @Bean
    CommandHandler<AlertCommand, AlertBook, AlertEvent> alertBooks(Aggregates aggregates, JdbcClient jdbc) {
        return aggregates.handler(Alerts.AGGREGATE, AlertCommand::streamId)
                .authorizedBy((command, book) -> {
                    Actor actor = command.actor();
                    switch (command.body()) {
                        case CreateAlert c -> {
                            if (!actor.isSystem() && !c.userId().toString().equals(actor.userId())) {
                                throw Rejection.forbidden("alerts are created for oneself");
                            }
                        }
                        case ChangeAlert c -> {
                            Alert alert = book.state().alert(c.alertId());
                            if (alert == null) {
                                throw Alerts.alertNotFound();
                            }
                            actor.requireSelfOrAdmin(alert.userId().toString(), "alert");
                        }
                        case AlertCommand.ObservePrice c -> requireSystem(actor);
                        case ExpireAlerts c -> requireSystem(actor);
                    }
                })
                .withinAppend((command, before, events) -> events.forEach(event -> {
                    if (event instanceof AlertCreated created) {
                        jdbc.sql("INSERT INTO alert_books (alert_id, symbol) VALUES (?, ?)")
                                .params(created.alertId().value(), created.symbol().value()).update();
                    }
                }));
    }

    private static void requireSystem(Actor actor) {
        if (!actor.isSystem()) {
            throw Rejection.forbidden("alert books follow the market only through the platform");
        }
    }

    /** Answers the new alert's id; a replayed request answers the id its first run created. */
    @Bean
    Function<Command<CreateAlertRequest>, AlertCreatedAnswer> createAlert(
            CommandHandler<AlertCommand, AlertBook, AlertEvent> books, AlertCreation creation, EventStore store) {
        return command -> {
            CreateAlert create = creation.create(command.body(), command.actor());
            CommandResult result = books.apply(command.map(request -> create));
            AlertId alertId = result.replayed() ? createdAt(store, result) : create.alertId();
            return new AlertCreatedAnswer(alertId.toString(), result.streamId(), result.version(), result.position(),
                    result.consistencyToken());
        };
    }

    private static AlertId createdAt(EventStore store, CommandResult result) {
        return store.readStream(result.streamId(), result.version() - 1, result.version()).stream()
                .map(event -> event.payload() instanceof AlertCreated created ? created.alertId() : null)
                .filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new IllegalStateException("no alert.created at " + result.consistencyToken()));
    }

    @Bean
    Function<Command<AlertIdRequest>, CommandResult> pauseAlert(
            CommandHandler<AlertCommand, AlertBook, AlertEvent> books, JdbcClient jdbc, Clock clock) {
        return change(books, jdbc, (id, symbol) -> new PauseAlert(id, symbol, clock.instant()));
    }

    @Bean
    Function<Command<AlertIdRequest>, CommandResult> resumeAlert(
            CommandHandler<AlertCommand, AlertBook, AlertEvent> books, JdbcClient jdbc, Clock clock) {
        return change(books, jdbc, (id, symbol) -> new ResumeAlert(id, symbol, clock.instant()));
    }

    @Bean
    Function<Command<AlertIdRequest>, CommandResult> deleteAlert(
            CommandHandler<AlertCommand, AlertBook, AlertEvent> books, JdbcClient jdbc, Clock clock) {
        return change(books, jdbc, (id, symbol) -> new DeleteAlert(id, symbol, clock.instant()));
    }

    /** A change by alert id goes to the alert's book, found in {@code alert_books} (an unknown id is a 404). */
    private static Function<Command<AlertIdRequest>, CommandResult> change(
            CommandHandler<AlertCommand, AlertBook, AlertEvent> books, JdbcClient jdbc,
            BiFunction<AlertId, Symbol, AlertCommand> change) {
        return command -> {
            AlertId id = command.body().alertId();
            Symbol symbol = jdbc.sql("SELECT symbol FROM alert_books WHERE alert_id = ?").param(id.value())
                    .query(String.class).optional().map(Symbol::new).orElseThrow(Alerts::alertNotFound);
            return books.apply(command.map(request -> change.apply(id, symbol)));
        };
    }

    @Bean
    Function<Query<ListAlerts>, AlertList> listAlerts(AlertReadModel alerts) {
        return query -> new AlertList(alerts.list(owner(query.actor()), query.params().status()));
    }

    /** Only the owner sees an alert; anyone else, administrators included, is told it does not exist. */
    @Bean
    Function<Query<GetAlert>, AlertView> getAlert(AlertReadModel alerts) {
        return query -> {
            UUID owner = owner(query.actor());
            return alerts.byId(query.params().alertId().value())
                    .filter(alert -> alert.userId().equals(owner.toString()))
                    .orElseThrow(Alerts::alertNotFound);
        };
    }

    private static UUID owner(Actor actor) {
        if (actor.userId() == null) {
            throw Rejection.unauthenticated("unauthenticated", "a token is required");
        }
        return UUID.fromString(actor.userId());
    }

    @Bean
    Consumer<List<byte[]>> evaluateAlerts(PolicyRuntime runtime,
                                          CommandHandler<AlertCommand, AlertBook, AlertEvent> books, Clock clock) {
        return runtime.consumer(EvaluateAlerts.policy(books, clock));
    }

    @Bean
    Consumer<List<byte[]>> projectAlerts(ProjectionRuntime runtime, AlertProjection projection) {
        return runtime.consumer(projection);
    }

    @Bean
    PriceAlertPublisher priceAlertPublisher(EventCodec codec, ObjectProvider<Producer<String, byte[]>> producer,
                                            Topics topics) {
        return new PriceAlertPublisher(codec, producer::getObject, topics.prefix() + PriceAlertPublisher.TOPIC);
    }

    @Bean
    Consumer<List<byte[]>> publishPriceAlerts(PriceAlertPublisher publisher) {
        return publisher::publish;
    }

    /** {@code alerts.price}, created at start-up (and by the deploy's provisionTopics step) like the domain topics. */
    @Bean
    KafkaAdmin.NewTopics priceAlertTopic(PriceAlertPublisher publisher, TradeCoreProperties properties) {
        var kafka = properties.kafka();
        return new KafkaAdmin.NewTopics(new NewTopic(publisher.topic(), kafka.partitions(), kafka.replicationFactor())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(SEVEN_DAYS_MS))));
    }

    /**
     * Expires due alerts by the injected clock. The read model names the books that may hold some (a candidate
     * list only); each book decides by its own state, so a lagging or stale row expires nothing twice or early.
     */
    @Bean
    Supplier<JobReport> expireAlerts(AlertReadModel alerts, CommandHandler<AlertCommand, AlertBook, AlertEvent> books,
                                     Ids ids, Clock clock) {
        return () -> {
            Instant now = clock.instant();
            long expired = 0;
            for (String symbol : alerts.symbolsDueToExpire(now)) {
                CommandResult result = books.apply(new Command<>(new ExpireAlerts(new Symbol(symbol), now),
                        RequestContext.of(ids.next(), Actor.system(null))));
                expired += result.position() == null ? 0 : 1;
            }
            return new JobReport("expireAlerts", expired);
        };
    }
}
