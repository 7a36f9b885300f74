package io.tradecore.brokerconnection.domain;

import java.time.Instant;
import java.util.List;

/** What has happened to a connection, stored under the names in {@link Connections#EVENTS}. */
public sealed interface ConnectionEvent {

    ConnectionId connectionId();

    String userId();

    record ConnectionRequested(ConnectionId connectionId, String userId, String broker, String credentialRef,
                               Instant at) implements ConnectionEvent {
    }

    record CredentialsValidated(ConnectionId connectionId, String userId, Instant at) implements ConnectionEvent {
    }

    record SessionOpened(ConnectionId connectionId, String userId, String session, Instant at)
            implements ConnectionEvent {
    }

    record AccountsFetched(ConnectionId connectionId, String userId, List<DiscoveredAccount> accounts, Instant at)
            implements ConnectionEvent {
    }

    /** BrokerConnectionCompleted: the accounts are what broker_account opens, one command each. */
    record ConnectionCompleted(ConnectionId connectionId, String userId, String broker,
                               List<DiscoveredAccount> accounts, Instant at) implements ConnectionEvent {
    }

    record StepFailed(ConnectionId connectionId, String userId, String step, String code, String reason,
                      boolean retryable, Instant at) implements ConnectionEvent {
    }

    record SessionClosed(ConnectionId connectionId, String userId, Instant at) implements ConnectionEvent {
    }

    record AdapterCleanedUp(ConnectionId connectionId, String userId, Instant at) implements ConnectionEvent {
    }

    /** BrokerConnectionFailed, after compensation: which step failed, its stable code and the reason. */
    record ConnectionFailed(ConnectionId connectionId, String userId, String failedStep, String code, String reason,
                            Instant at) implements ConnectionEvent {
    }

    record ConnectionDisconnected(ConnectionId connectionId, String userId, Instant at) implements ConnectionEvent {
    }
}
