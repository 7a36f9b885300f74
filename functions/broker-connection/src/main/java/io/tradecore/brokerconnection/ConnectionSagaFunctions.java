package io.tradecore.brokerconnection;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.tradecore.brokerconnection.adapter.AlpacaConnector;
import io.tradecore.brokerconnection.adapter.BrokerCalls;
import io.tradecore.brokerconnection.adapter.BrokerHealth;
import io.tradecore.brokerconnection.api.ConnectionRequests.DisconnectRequest;
import io.tradecore.brokerconnection.credentials.CredentialVault;
import io.tradecore.brokerconnection.credentials.KeyWrapping;
import io.tradecore.brokerconnection.credentials.KmsKeyWrapping;
import io.tradecore.brokerconnection.credentials.LocalKeyWrapping;
import io.tradecore.brokerconnection.domain.ConnectionCommand;
import io.tradecore.brokerconnection.domain.ConnectionEvent;
import io.tradecore.brokerconnection.domain.ConnectionId;
import io.tradecore.brokerconnection.domain.ConnectionState;
import io.tradecore.brokerconnection.domain.Connections;
import io.tradecore.brokerconnection.policy.CredentialPolicies;
import io.tradecore.brokerconnection.saga.BrokerConnectors;
import io.tradecore.brokerconnection.saga.ConnectedBrokerAccess;
import io.tradecore.brokerconnection.saga.ConnectionSaga;
import io.tradecore.brokerconnection.saga.ConnectionSaga.FailureRequest;
import io.tradecore.brokerconnection.saga.ConnectionSaga.StepRequest;
import io.tradecore.brokerconnection.saga.ConnectionSteps;
import io.tradecore.contracts.broker.BrokerConnector;
import io.tradecore.contracts.broker.ConnectedBrokers;
import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.command.CommandHandler;
import io.tradecore.kernel.config.KernelConfiguration;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.JobReport;
import io.tradecore.kernel.policy.PolicyRuntime;
import io.tradecore.kernel.saga.SagaConfiguration;
import io.tradecore.kernel.saga.SagaDefinition;
import io.tradecore.kernel.saga.SagaRuntime;
import io.tradecore.kernel.saga.SagaSteps;
import io.tradecore.kernel.saga.SagaStore;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The broker-connection saga's beans: its definition, the orchestrator that reads the connection's events as
 * replies, one function per step and compensation, its two jobs (due times, unpublished commands), the broker
 * connectors and the credential vault.
 */
@AutoConfiguration(after = {KernelConfiguration.class, BrokerConnectionFunctions.class})
@Import(SagaConfiguration.class)
public class ConnectionSagaFunctions {

    @Bean
    SagaDefinition<ConnectionSaga.Data> brokerConnectionSaga(BrokerConnectionProperties properties) {
        return ConnectionSaga.definition(properties.stepTimeout(), properties.retryPolicy());
    }

    /** The master key from configuration locally; AWS KMS with {@code tradecore.credentials.key-wrapping=kms}. */
    @Bean
    @ConditionalOnMissingBean
    KeyWrapping keyWrapping(BrokerConnectionProperties properties, CredentialsProperties credentials) {
        return switch (credentials.keyWrapping()) {
            case LOCAL -> new LocalKeyWrapping(properties.masterKey(), properties.masterKeyId());
            case KMS -> new KmsKeyWrapping(KmsKeyWrapping.client(credentials.kmsEndpoint(), credentials.kmsRegion()),
                    credentials.kmsKeyArn());
        };
    }

    @Bean
    CredentialVault credentialVault(JdbcClient jdbc, KeyWrapping keys) {
        return new CredentialVault(jdbc, keys);
    }

    @Bean
    AlpacaConnector alpacaConnector(BrokerConnectionProperties properties, JsonMapper json,
                                    TimeLimiterRegistry timeLimiters, BulkheadRegistry bulkheads,
                                    RateLimiterRegistry rateLimiters, CircuitBreakerRegistry circuitBreakers,
                                    RetryRegistry retries) {
        var registries = new BrokerCalls.Registries(timeLimiters, bulkheads, rateLimiters, circuitBreakers, retries);
        return new AlpacaConnector(properties.alpacaBaseUrl(), json,
                new BrokerCalls(AlpacaConnector.NAME, properties.calls().settings(), registries));
    }

    @Bean
    BrokerHealth brokersHealthIndicator(AlpacaConnector alpaca) {
        return new BrokerHealth(alpaca);
    }

    @Bean
    BrokerConnectors brokerConnectors(ObjectProvider<BrokerConnector> connectors) {
        return new BrokerConnectors(connectors.orderedStream().toList());
    }

    /** An active connection's adapter for the data-sync worker; the credentials stay in this module. */
    @Bean
    ConnectedBrokers connectedBrokers(Aggregates aggregates, CredentialVault vault, BrokerConnectors connectors) {
        return new ConnectedBrokerAccess(aggregates, vault, connectors);
    }

    /**
     * The step functions record their outcomes through the connection handler, plus, in the same transaction, the
     * claim of the step's timeout: an answer that lost the race against the timeout is refused and nothing is
     * recorded. A step that would complete the connection of a user whose key was destroyed meanwhile (deleted) is
     * refused the same way, so no connection becomes active after its user is gone.
     */
    @Bean
    ConnectionSteps connectionSteps(Aggregates aggregates,
                                    CommandHandler<ConnectionCommand, ConnectionState, ConnectionEvent> connections,
                                    CredentialVault vault, BrokerConnectors connectors, SagaRuntime sagas,
                                    SagaDefinition<ConnectionSaga.Data> saga, Clock clock) {
        var answering = connections.withinAppend((command, before, events) -> {
            if (events.stream().anyMatch(ConnectionSaga::answersStep)) {
                sagas.claimAnswer(saga, command.context().idempotencyKey());
            }
            for (ConnectionEvent event : events) {
                if (event instanceof ConnectionEvent.ConnectionCompleted completed) {
                    vault.requireKeyOf(completed.userId());
                }
            }
        });
        return new ConnectionSteps(aggregates, answering, vault, connectors, clock);
    }

    @Bean
    Consumer<List<byte[]>> orchestrateBrokerConnection(SagaRuntime sagas, SagaDefinition<ConnectionSaga.Data> saga) {
        return sagas.replies(saga);
    }

    @Bean
    Consumer<List<byte[]>> connectBrokerStep1ValidateCredentials(SagaSteps steps, ConnectionSteps work) {
        return steps.step(ConnectionSaga.STEP1, StepRequest.class, work::validate);
    }

    @Bean
    Consumer<List<byte[]>> connectBrokerStep2EstablishConnection(SagaSteps steps, ConnectionSteps work) {
        return steps.step(ConnectionSaga.STEP2, StepRequest.class, work::establish);
    }

    @Bean
    Consumer<List<byte[]>> connectBrokerStep3FetchAccounts(SagaSteps steps, ConnectionSteps work) {
        return steps.step(ConnectionSaga.STEP3, StepRequest.class, work::fetchAccounts);
    }

    @Bean
    Consumer<List<byte[]>> connectBrokerStep4Finalize(SagaSteps steps, ConnectionSteps work) {
        return steps.step(ConnectionSaga.STEP4, StepRequest.class, work::finalizeConnection);
    }

    @Bean
    Consumer<List<byte[]>> connectBrokerCompensateDisconnect(SagaSteps steps, ConnectionSteps work) {
        return steps.step(ConnectionSaga.DISCONNECT, StepRequest.class, work::disconnect);
    }

    @Bean
    Consumer<List<byte[]>> connectBrokerCompensateCleanUpAdapter(SagaSteps steps, ConnectionSteps work) {
        return steps.step(ConnectionSaga.CLEAN_UP, StepRequest.class, work::cleanUpAdapter);
    }

    @Bean
    Consumer<List<byte[]>> connectBrokerRecordFailure(SagaSteps steps, ConnectionSteps work) {
        return steps.step(ConnectionSaga.FAIL, FailureRequest.class, work::fail);
    }

    /** On {@code user.deleted}: disconnects the user's connections and destroys their key (see the policy). */
    @Bean
    Consumer<List<byte[]>> shredDeletedUsersCredentials(
            PolicyRuntime policies, CredentialVault vault, SagaStore sagas, SagaDefinition<ConnectionSaga.Data> saga,
            Aggregates aggregates,
            @Qualifier("disconnectBroker") Function<Command<DisconnectRequest>, CommandResult> disconnect,
            Clock clock) {
        Function<String, List<String>> activeConnectionsOf = userId -> sagas.idsOwnedBy(saga, userId).stream()
                .filter(id -> aggregates.load(Connections.AGGREGATE, ConnectionId.of(id).streamId()).state()
                        instanceof ConnectionState.Active)
                .toList();
        return policies.consumer(CredentialPolicies.shredDeletedUsersCredentials(vault, activeConnectionsOf,
                disconnect, clock));
    }

    @Bean
    Supplier<JobReport> fireBrokerConnectionTimeouts(SagaRuntime sagas, SagaDefinition<ConnectionSaga.Data> saga) {
        return sagas.timeouts("fireBrokerConnectionTimeouts", saga);
    }

    @Bean
    Supplier<JobReport> relayBrokerConnectionCommands(SagaRuntime sagas) {
        return sagas.relayJob("relayBrokerConnectionCommands");
    }
}
