package io.tradecore.brokerconnection.api;

import io.tradecore.brokerconnection.domain.ConnectionId;
import io.tradecore.kernel.domain.Texts;

/** The inputs of broker_connection's query functions. */
public final class ConnectionQueries {

    private ConnectionQueries() {
    }

    public record GetConnection(ConnectionId connectionId) {
        public GetConnection {
            Texts.present(connectionId, "connectionId");
        }
    }

    /** The caller's own connections, newest first. */
    public record ListConnections() {
    }
}
