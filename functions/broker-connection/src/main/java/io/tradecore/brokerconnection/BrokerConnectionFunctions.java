package io.tradecore.brokerconnection;

import io.tradecore.brokerconnection.api.ConnectionList;
import io.tradecore.brokerconnection.api.ConnectionQueries.GetConnection;
import io.tradecore.brokerconnection.api.ConnectionQueries.ListConnections;
import io.tradecore.brokerconnection.api.ConnectionRequests.ConnectRequest;
import io.tradecore.brokerconnection.api.ConnectionRequests.DisconnectRequest;
import io.tradecore.brokerconnection.api.ConnectionView;
import io.tradecore.brokerconnection.api.SagaTimeline;
import io.tradecore.brokerconnection.credentials.CredentialVault;
import io.tradecore.brokerconnection.domain.ConnectionCommand;
import io.tradecore.brokerconnection.domain.ConnectionCommand.Disconnect;
import io.tradecore.brokerconnection.domain.ConnectionCommand.RequestConnection;
import io.tradecore.brokerconnection.domain.ConnectionEvent;
import io.tradecore.brokerconnection.domain.ConnectionId;
import io.tradecore.brokerconnection.domain.ConnectionState;
import io.tradecore.brokerconnection.domain.Connections;
import io.tradecore.brokerconnection.readmodel.ConnectionProjection;
import io.tradecore.brokerconnection.readmodel.ConnectionReadModel;
import io.tradecore.brokerconnection.saga.BrokerConnectors;
import io.tradecore.brokerconnection.saga.ConnectionSaga;
import io.tradecore.brokerconnection.saga.ConnectionSteps;
import io.tradecore.kernel.cache.ReadModelCache;
import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.command.CommandHandler;
import io.tradecore.kernel.config.KernelConfiguration;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.kernel.domain.Ids;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.ConsistencyToken;
import io.tradecore.kernel.function.Query;
import io.tradecore.kernel.projection.ProjectionRuntime;
import io.tradecore.kernel.saga.SagaDefinition;
import io.tradecore.kernel.saga.SagaRuntime;
import io.tradecore.kernel.saga.SagaStore;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * broker_connection's command and query beans; the saga's are in {@link ConnectionSagaFunctions}. Routes and
 * topics: {@link BrokerConnectionCatalog}.
 */
@AutoConfiguration(after = KernelConfiguration.class)
@EnableConfigurationProperties({BrokerConnectionProperties.class, CredentialsProperties.class})
public class BrokerConnectionFunctions {

    @Bean
    EventTypes<ConnectionEvent> connectionEvents() {
        return Connections.EVENTS;
    }

    @Bean
    ConnectionReadModel connectionReadModel(JdbcClient jdbc, JsonMapper json) {
        return new ConnectionReadModel(jdbc, json);
    }

    /** Every connection command; people act only on their own connections, the saga (the system) on any. */
    @Bean
    CommandHandler<ConnectionCommand, ConnectionState, ConnectionEvent> connectionCommands(Aggregates aggregates,
                                                                                          CredentialVault vault) {
        return aggregates.handler(Connections.AGGREGATE, command -> command.connectionId().streamId())
                .authorizedBy((command, connection) -> {
                    String owner = switch (connection.state()) {
                        case ConnectionState.Unrequested u -> command.actor().userId();
                        case ConnectionState.Pending p -> p.userId();
                        case ConnectionState.Active a -> a.userId();
                        case ConnectionState.Failed f -> f.userId();
                        case ConnectionState.Disconnected d -> d.userId();
                    };
                    command.actor().requireSelfOrAdmin(owner, "connection");
                })
                .withinAppend((command, before, events) -> {
                    if (before.state() instanceof ConnectionState.Active active
                            && events.stream().anyMatch(e -> e instanceof ConnectionEvent.ConnectionDisconnected)) {
                        vault.erase(active.credentialRef());
                    }
                });
    }

    /**
     * Starts the saga: the connection's request, its sealed credentials and the saga's first command commit in one
     * transaction, so there is never a saga without credentials or credentials without a connection.
     */
    @Bean
    Function<Command<ConnectRequest>, CommandResult> connectBroker(
            CommandHandler<ConnectionCommand, ConnectionState, ConnectionEvent> connections, CredentialVault vault,
            SagaRuntime sagas, SagaDefinition<ConnectionSaga.Data> saga, BrokerConnectors connectors, Ids ids,
            Clock clock) {
        return command -> {
            ConnectRequest request = command.body();
            connectors.require(request.broker());
            String userId = command.actor().userId();
            ConnectionId id = new ConnectionId(ids.next());
            String credentialRef = ids.next().toString();
            return connections.withinAppend((c, before, events) -> {
                vault.store(credentialRef, userId, request.credentials(), clock.instant());
                sagas.start(saga, id.toString(), new ConnectionSaga.Data(id.toString(), userId));
            }).apply(command.map(r -> new RequestConnection(id, userId, r.broker(), credentialRef, clock.instant())));
        };
    }

    /** Closes the session at the broker (best effort), then ends the connection and erases its credentials. */
    @Bean
    Function<Command<DisconnectRequest>, CommandResult> disconnectBroker(
            CommandHandler<ConnectionCommand, ConnectionState, ConnectionEvent> connections, ConnectionSteps steps,
            Clock clock) {
        return command -> {
            steps.closeActiveSession(command.body().connectionId(), command.actor());
            return connections.apply(command.map(r -> new Disconnect(r.connectionId(), clock.instant())));
        };
    }

    /** Cache-aside on {@code connection:{id}:status}; a cached status older than the caller's token is read again. */
    @Bean
    Function<Query<GetConnection>, ConnectionView> getConnectionStatus(ConnectionReadModel connections,
                                                                      ReadModelCache cache) {
        return query -> {
            ConnectionId id = query.params().connectionId();
            String token = query.context().consistencyToken();
            ConsistencyToken seen = token == null ? null : ConsistencyToken.parse(token);
            long atLeast = seen != null && seen.streamId().equals(id.streamId()) ? seen.version() : 0;
            ConnectionView view = cache.getOrLoad(ConnectionProjection.cacheKey(id.toString()), ConnectionView.class,
                    cached -> cached.version() >= atLeast,
                    () -> connections.byId(id.value()).orElseThrow(Connections::connectionNotFound));
            query.actor().requireSelfOrAdmin(view.userId(), "connection");
            return view;
        };
    }

    @Bean
    Function<Query<ListConnections>, ConnectionList> listConnections(ConnectionReadModel connections) {
        return query -> new ConnectionList(query.actor().userId() == null ? List.of()
                : connections.byUser(query.actor().userId()));
    }

    /** The saga's step timeline: each step, its command, what came of it and when. */
    @Bean
    Function<Query<GetConnection>, SagaTimeline> getConnectionSaga(SagaStore sagas,
                                                                   SagaDefinition<ConnectionSaga.Data> saga) {
        return query -> {
            String id = query.params().connectionId().toString();
            var stored = sagas.load(saga, id).orElseThrow(Connections::connectionNotFound);
            query.actor().requireSelfOrAdmin(stored.owner(), "connection");
            var state = stored.state();
            return new SagaTimeline(id, state.status().name().toLowerCase(java.util.Locale.ROOT), state.failedStep(),
                    state.code(), state.reason(), sagas.timeline(id).stream().map(row -> new SagaTimeline.Entry(
                            row.step(), row.what(), row.commandId(), row.detail(), row.at())).toList());
        };
    }

    @Bean
    ConnectionProjection connectionProjection(JdbcClient jdbc, ReadModelCache cache, JsonMapper json) {
        return new ConnectionProjection(jdbc, cache, json);
    }

    @Bean
    Consumer<List<byte[]>> projectConnections(ProjectionRuntime runtime, ConnectionProjection projection) {
        return runtime.consumer(projection);
    }
}
