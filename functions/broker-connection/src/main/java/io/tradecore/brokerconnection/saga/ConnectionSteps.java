package io.tradecore.brokerconnection.saga;

import io.tradecore.brokerconnection.credentials.CredentialVault;
import io.tradecore.brokerconnection.domain.ConnectionCommand;
import io.tradecore.brokerconnection.domain.ConnectionCommand.Complete;
import io.tradecore.brokerconnection.domain.ConnectionCommand.Fail;
import io.tradecore.brokerconnection.domain.ConnectionCommand.RecordAccounts;
import io.tradecore.brokerconnection.domain.ConnectionCommand.RecordAdapterCleanedUp;
import io.tradecore.brokerconnection.domain.ConnectionCommand.RecordCredentialsValid;
import io.tradecore.brokerconnection.domain.ConnectionCommand.RecordSessionClosed;
import io.tradecore.brokerconnection.domain.ConnectionCommand.RecordSessionOpened;
import io.tradecore.brokerconnection.domain.ConnectionCommand.RecordStepFailure;
import io.tradecore.brokerconnection.domain.ConnectionId;
import io.tradecore.brokerconnection.domain.ConnectionState;
import io.tradecore.brokerconnection.domain.Connections;
import io.tradecore.brokerconnection.domain.Credentials;
import io.tradecore.brokerconnection.domain.DiscoveredAccount;
import io.tradecore.contracts.broker.BrokerConnector;
import io.tradecore.contracts.broker.BrokerCredentials;
import io.tradecore.contracts.broker.BrokerException;
import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.saga.SagaRuntime;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The work of the saga's step functions. Each reads the connection, calls the broker through its connector, and
 * records the outcome on the connection under the saga command's idempotency key, so a redelivered command records
 * nothing twice. A broker refusal becomes a step failure with a stable code ({@code broker-unauthenticated},
 * {@code broker-unavailable}, ...); transient ones are marked retryable for the saga's retry policy.
 */
public final class ConnectionSteps {

    /** What a step does with the broker; answers the command that records its outcome. */
    @FunctionalInterface
    interface Work {
        ConnectionCommand run(ConnectionState.Pending connection, BrokerConnector broker, BrokerCredentials login);
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConnectionSteps.class);

    private final Aggregates aggregates;
    private final Function<Command<ConnectionCommand>, CommandResult> connections;
    private final CredentialVault vault;
    private final BrokerConnectors connectors;
    private final Clock clock;

    public ConnectionSteps(Aggregates aggregates, Function<Command<ConnectionCommand>, CommandResult> connections,
                           CredentialVault vault, BrokerConnectors connectors, Clock clock) {
        this.aggregates = aggregates;
        this.connections = connections;
        this.vault = vault;
        this.connectors = connectors;
        this.clock = clock;
    }

    public void validate(Command<ConnectionSaga.StepRequest> command) {
        step(command, ConnectionSaga.VALIDATE, (c, broker, login) -> {
            broker.validateCredentials(login);
            return new RecordCredentialsValid(c.id(), clock.instant());
        });
    }

    public void establish(Command<ConnectionSaga.StepRequest> command) {
        step(command, ConnectionSaga.ESTABLISH, (c, broker, login) ->
                new RecordSessionOpened(c.id(), broker.openSession(login), clock.instant()));
    }

    public void fetchAccounts(Command<ConnectionSaga.StepRequest> command) {
        step(command, ConnectionSaga.FETCH, (c, broker, login) -> {
            List<DiscoveredAccount> accounts = broker.listAccounts(login, c.session()).stream()
                    .map(a -> new DiscoveredAccount(a.accountRef(), a.currency())).toList();
            if (accounts.isEmpty()) {
                throw new BrokerException(BrokerException.Code.REJECTED, "the login has no accounts to trade");
            }
            return new RecordAccounts(c.id(), accounts, clock.instant());
        });
    }

    public void finalizeConnection(Command<ConnectionSaga.StepRequest> command) {
        step(command, ConnectionSaga.FINALIZE, (c, broker, login) -> {
            broker.activateSession(login, c.session());
            return new Complete(c.id(), clock.instant());
        });
    }

    /** Compensation of establishing: closes the session at the broker, if one was opened. */
    public void disconnect(Command<ConnectionSaga.StepRequest> command) {
        pending(command).ifPresent(c -> {
            if (c.session() != null) {
                BrokerConnector broker = connectors.require(c.broker());
                BrokerCredentials login;
                try {
                    login = login(c);
                } catch (Rejection gone) { // erased or shredded: TradeCore cannot use the session any more either
                    log.warn("connection {}: session not closed at the broker: {}", c.id(), gone.code());
                    login = null;
                }
                if (login != null) {
                    broker.closeSession(login, c.session()); // a failure here is retried by the saga's timeout
                }
            }
            connections.apply(command.map(r -> new RecordSessionClosed(c.id(), clock.instant())));
        });
    }

    /** Compensation of validating: drops what the connection holds at this side, its credentials first. */
    public void cleanUpAdapter(Command<ConnectionSaga.StepRequest> command) {
        pending(command).ifPresent(c -> {
            vault.erase(c.credentialRef());
            connections.apply(command.map(r -> new RecordAdapterCleanedUp(c.id(), clock.instant())));
        });
    }

    /**
     * Before a user's disconnect is recorded: closes the session at the broker, best effort (the connection ends
     * here either way, and its credentials are erased with it, so the session cannot be used again from TradeCore).
     * Closing is idempotent, so a retried disconnect may close again. Another user's connection is left alone.
     */
    public void closeActiveSession(ConnectionId id, Actor actor) {
        if (aggregates.load(Connections.AGGREGATE, id.streamId()).state() instanceof ConnectionState.Active active
                && actor.isSelfOrAdmin(active.userId())) {
            try {
                Credentials credentials = vault.open(active.credentialRef(), active.userId());
                connectors.require(active.broker()).closeSession(
                        new BrokerCredentials(credentials.keyId(), credentials.secret()), active.session());
            } catch (BrokerException | Rejection unreachable) {
                log.warn("connection {}: session not closed at the broker: {}", id, unreachable.getMessage());
            }
        }
    }

    public void fail(Command<ConnectionSaga.FailureRequest> command) {
        var r = command.body();
        connections.apply(command.map(body -> new Fail(ConnectionId.of(r.connectionId()), r.failedStep(), r.code(),
                r.reason(), clock.instant())));
    }

    private void step(Command<ConnectionSaga.StepRequest> command, String step, Work work) {
        pending(command).ifPresent(c -> {
            ConnectionCommand outcome;
            try {
                outcome = work.run(c, connectors.require(c.broker()), login(c));
            } catch (BrokerException refused) {
                outcome = new RecordStepFailure(c.id(), step, code(refused), refused.getMessage(),
                        refused.isTransient(), clock.instant());
            } catch (Rejection refused) {
                outcome = new RecordStepFailure(c.id(), step, refused.code(), refused.reason(), false, clock.instant());
            }
            ConnectionCommand recorded = outcome;
            try {
                connections.apply(command.map(r -> recorded));
            } catch (Rejection refused) {
                if (SagaRuntime.LATE_ANSWER.equals(refused.code()) && recorded instanceof RecordSessionOpened opened) {
                    closeUnrecordedSession(c, opened.session());
                }
                throw refused;
            }
        });
    }

    /** A session opened by an attempt the saga stopped waiting for is not recorded; it is closed, best effort. */
    private void closeUnrecordedSession(ConnectionState.Pending connection, String session) {
        try {
            connectors.require(connection.broker()).closeSession(login(connection), session);
        } catch (BrokerException | Rejection unreachable) {
            log.warn("connection {}: unrecorded session not closed at the broker: {}", connection.id(),
                    unreachable.getMessage());
        }
    }

    private java.util.Optional<ConnectionState.Pending> pending(Command<ConnectionSaga.StepRequest> command) {
        ConnectionId id = ConnectionId.of(command.body().connectionId());
        return aggregates.load(Connections.AGGREGATE, id.streamId()).state() instanceof ConnectionState.Pending p
                ? java.util.Optional.of(p) : java.util.Optional.empty();
    }

    private BrokerCredentials login(ConnectionState.Pending connection) {
        Credentials credentials = vault.open(connection.credentialRef(), connection.userId());
        return new BrokerCredentials(credentials.keyId(), credentials.secret());
    }

    static String code(BrokerException refused) {
        return "broker-" + refused.code().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
