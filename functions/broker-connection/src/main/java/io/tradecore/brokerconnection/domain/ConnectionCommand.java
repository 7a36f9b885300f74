package io.tradecore.brokerconnection.domain;

import java.time.Instant;
import java.util.List;

/**
 * What can be asked of a connection. The saga's step functions do the talking to the broker and record the
 * outcome with one of these; {@code at} comes from the function's clock.
 */
public sealed interface ConnectionCommand {

    ConnectionId connectionId();

    Instant at();

    /** {@code credentialRef} points into the credential vault; the credentials themselves stay out of events. */
    record RequestConnection(ConnectionId connectionId, String userId, String broker, String credentialRef, Instant at)
            implements ConnectionCommand {
    }

    record RecordCredentialsValid(ConnectionId connectionId, Instant at) implements ConnectionCommand {
    }

    record RecordSessionOpened(ConnectionId connectionId, String session, Instant at) implements ConnectionCommand {
    }

    record RecordAccounts(ConnectionId connectionId, List<DiscoveredAccount> accounts, Instant at)
            implements ConnectionCommand {
        public RecordAccounts {
            accounts = List.copyOf(accounts);
        }
    }

    record Complete(ConnectionId connectionId, Instant at) implements ConnectionCommand {
    }

    record RecordStepFailure(ConnectionId connectionId, String step, String code, String reason, boolean retryable,
                             Instant at) implements ConnectionCommand {
    }

    /** Compensations: the session closed at the broker; the adapter's resources and the credentials dropped. */
    record RecordSessionClosed(ConnectionId connectionId, Instant at) implements ConnectionCommand {
    }

    record RecordAdapterCleanedUp(ConnectionId connectionId, Instant at) implements ConnectionCommand {
    }

    record Fail(ConnectionId connectionId, String failedStep, String code, String reason, Instant at)
            implements ConnectionCommand {
    }

    /** The user ends an active connection. */
    record Disconnect(ConnectionId connectionId, Instant at) implements ConnectionCommand {
    }
}
