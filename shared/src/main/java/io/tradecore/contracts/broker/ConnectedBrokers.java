package io.tradecore.contracts.broker;

/**
 * The trading adapter of one established broker connection, for workers that read a connected account's history
 * (the data-sync worker). The module that holds the connection's credentials (broker_connection) implements it, so
 * the credentials never leave that module in clear text: callers get an adapter, never the secret.
 */
public interface ConnectedBrokers {

    /**
     * The adapter for {@code connectionId}, owned by {@code userId}; a {@link BrokerException} with
     * {@link BrokerException.Code#NOT_FOUND} when the connection is unknown, not the user's, or no longer active.
     */
    BrokerAdapter adapter(String connectionId, String userId);
}
