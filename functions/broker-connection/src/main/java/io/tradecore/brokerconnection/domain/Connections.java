package io.tradecore.brokerconnection.domain;

import io.tradecore.brokerconnection.domain.ConnectionCommand.Complete;
import io.tradecore.brokerconnection.domain.ConnectionCommand.Disconnect;
import io.tradecore.brokerconnection.domain.ConnectionCommand.Fail;
import io.tradecore.brokerconnection.domain.ConnectionCommand.RecordAccounts;
import io.tradecore.brokerconnection.domain.ConnectionCommand.RecordAdapterCleanedUp;
import io.tradecore.brokerconnection.domain.ConnectionCommand.RecordCredentialsValid;
import io.tradecore.brokerconnection.domain.ConnectionCommand.RecordSessionClosed;
import io.tradecore.brokerconnection.domain.ConnectionCommand.RecordSessionOpened;
import io.tradecore.brokerconnection.domain.ConnectionCommand.RecordStepFailure;
import io.tradecore.brokerconnection.domain.ConnectionCommand.RequestConnection;
import io.tradecore.brokerconnection.domain.ConnectionEvent.AccountsFetched;
import io.tradecore.brokerconnection.domain.ConnectionEvent.AdapterCleanedUp;
import io.tradecore.brokerconnection.domain.ConnectionEvent.ConnectionCompleted;
import io.tradecore.brokerconnection.domain.ConnectionEvent.ConnectionDisconnected;
import io.tradecore.brokerconnection.domain.ConnectionEvent.ConnectionFailed;
import io.tradecore.brokerconnection.domain.ConnectionEvent.ConnectionRequested;
import io.tradecore.brokerconnection.domain.ConnectionEvent.CredentialsValidated;
import io.tradecore.brokerconnection.domain.ConnectionEvent.SessionClosed;
import io.tradecore.brokerconnection.domain.ConnectionEvent.SessionOpened;
import io.tradecore.brokerconnection.domain.ConnectionEvent.StepFailed;
import io.tradecore.brokerconnection.domain.ConnectionState.Active;
import io.tradecore.brokerconnection.domain.ConnectionState.Disconnected;
import io.tradecore.brokerconnection.domain.ConnectionState.Failed;
import io.tradecore.brokerconnection.domain.ConnectionState.Pending;
import io.tradecore.brokerconnection.domain.ConnectionState.Unrequested;
import io.tradecore.kernel.domain.Aggregate;
import io.tradecore.kernel.domain.Decider;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.kernel.domain.Rejection;
import java.util.List;

/**
 * The connection decider. Step outcomes arriving late or twice (a retried step, an answer after a timeout) change
 * nothing: each is recorded once, and only while the connection is pending. Once a step failed or a compensation
 * ran, the connection cannot complete, so a late finalize cannot open accounts for a connection being undone.
 */
public final class Connections {

    public static final String DOMAIN = "broker_connection";

    public static final EventTypes<ConnectionEvent> EVENTS = EventTypes.of(DOMAIN, ConnectionEvent.class)
            .add(ConnectionRequested.class, "connection.requested", 1)
            .add(CredentialsValidated.class, "connection.credentials-validated", 1)
            .add(SessionOpened.class, "connection.session-opened", 1)
            .add(AccountsFetched.class, "connection.accounts-fetched", 1)
            .add(ConnectionCompleted.class, "connection.completed", 1)
            .add(StepFailed.class, "connection.step-failed", 1)
            .add(SessionClosed.class, "connection.session-closed", 1)
            .add(AdapterCleanedUp.class, "connection.adapter-cleaned-up", 1)
            .add(ConnectionFailed.class, "connection.failed", 1)
            .add(ConnectionDisconnected.class, "connection.disconnected", 1)
            .build();

    public static final Decider<ConnectionCommand, ConnectionState, ConnectionEvent> DECIDER =
            new Decider<>(Connections::decide, Connections::evolve, new Unrequested());

    public static final Aggregate<ConnectionCommand, ConnectionState, ConnectionEvent> AGGREGATE =
            Aggregate.of(DECIDER, EVENTS, ConnectionState.class).snapshotEvery(0, 1);

    private Connections() {
    }

    static List<ConnectionEvent> decide(ConnectionCommand command, ConnectionState state) {
        if (command instanceof RequestConnection c) {
            return state instanceof Unrequested
                    ? List.of(new ConnectionRequested(c.connectionId(), c.userId(), c.broker(), c.credentialRef(), c.at()))
                    : Rejection.conflict("connection-exists", "this connection was already requested").raise();
        }
        if (command instanceof Disconnect c) {
            return disconnect(c, state);
        }
        return state instanceof Pending pending ? step(command, pending) : List.of();
    }

    private static List<ConnectionEvent> step(ConnectionCommand command, Pending p) {
        return switch (command) {
            case RequestConnection c -> List.of();
            case Disconnect c -> List.of();
            case RecordCredentialsValid c -> p.validated() || p.compensating() ? List.of()
                    : List.of(new CredentialsValidated(p.id(), p.userId(), c.at()));
            case RecordSessionOpened c -> p.session() != null || p.compensating() ? List.of()
                    : List.of(new SessionOpened(p.id(), p.userId(), c.session(), c.at()));
            case RecordAccounts c -> p.accounts() != null || p.compensating() ? List.of()
                    : List.of(new AccountsFetched(p.id(), p.userId(), c.accounts(), c.at()));
            case Complete c -> complete(c, p);
            case RecordStepFailure c -> List.of(new StepFailed(p.id(), p.userId(), c.step(), c.code(), c.reason(),
                    c.retryable(), c.at()));
            case RecordSessionClosed c -> p.sessionClosed() ? List.of()
                    : List.of(new SessionClosed(p.id(), p.userId(), c.at()));
            case RecordAdapterCleanedUp c -> p.cleanedUp() ? List.of()
                    : List.of(new AdapterCleanedUp(p.id(), p.userId(), c.at()));
            case Fail c -> List.of(new ConnectionFailed(p.id(), p.userId(), c.failedStep(), c.code(), c.reason(), c.at()));
        };
    }

    private static List<ConnectionEvent> complete(Complete c, Pending p) {
        if (p.compensating()) {
            return List.of();
        }
        if (p.session() == null || p.accounts() == null) {
            throw Rejection.unprocessable("connection-not-ready", "the connection has no session or accounts yet");
        }
        return List.of(new ConnectionCompleted(p.id(), p.userId(), p.broker(), p.accounts(), c.at()));
    }

    private static List<ConnectionEvent> disconnect(Disconnect c, ConnectionState state) {
        return switch (state) {
            case Active a -> List.of(new ConnectionDisconnected(a.id(), a.userId(), c.at()));
            case Disconnected d -> List.of();
            case Pending p -> Rejection.conflict("connection-not-active", "the connection is still being made").raise();
            case Failed f -> Rejection.conflict("connection-not-active", "the connection failed").raise();
            case Unrequested u -> throw connectionNotFound();
        };
    }

    static ConnectionState evolve(ConnectionState state, ConnectionEvent event) {
        return switch (event) {
            case ConnectionRequested e -> Pending.requested(e.connectionId(), e.userId(), e.broker(), e.credentialRef());
            case CredentialsValidated e -> pending(state).markValidated();
            case SessionOpened e -> pending(state).withSession(e.session());
            case AccountsFetched e -> pending(state).withAccounts(e.accounts());
            case ConnectionCompleted e -> {
                Pending p = pending(state);
                yield new Active(p.id(), p.userId(), p.broker(), p.credentialRef(), p.session(), e.accounts());
            }
            case StepFailed e -> e.retryable() ? pending(state) : pending(state).compensated(false, false);
            case SessionClosed e -> pending(state).compensated(true, false);
            case AdapterCleanedUp e -> pending(state).compensated(false, true);
            case ConnectionFailed e -> new Failed(e.connectionId(), e.userId(), e.failedStep(), e.code());
            case ConnectionDisconnected e -> new Disconnected(e.connectionId(), e.userId());
        };
    }

    private static Pending pending(ConnectionState state) {
        if (state instanceof Pending pending) {
            return pending;
        }
        throw new IllegalStateException("a step event on a connection that is not pending: " + state);
    }

    public static Rejection connectionNotFound() {
        return Rejection.notFound("connection-not-found", "connection not found");
    }
}
