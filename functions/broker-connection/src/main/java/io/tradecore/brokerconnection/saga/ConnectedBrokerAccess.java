package io.tradecore.brokerconnection.saga;

import io.tradecore.brokerconnection.credentials.CredentialVault;
import io.tradecore.brokerconnection.domain.ConnectionId;
import io.tradecore.brokerconnection.domain.ConnectionState;
import io.tradecore.brokerconnection.domain.Connections;
import io.tradecore.brokerconnection.domain.Credentials;
import io.tradecore.contracts.broker.BrokerAdapter;
import io.tradecore.contracts.broker.BrokerCredentials;
import io.tradecore.contracts.broker.BrokerException;
import io.tradecore.contracts.broker.ConnectedBrokers;
import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.domain.Rejection;

/**
 * The trading adapter of an active connection, for workers that read a connected account's history (data-sync):
 * the credentials are opened here, bound to their owner, and go no further than the adapter. A connection that is
 * not active, not the user's, or whose credentials are gone reads as not found.
 */
public final class ConnectedBrokerAccess implements ConnectedBrokers {

    private final Aggregates aggregates;
    private final CredentialVault vault;
    private final BrokerConnectors connectors;

    public ConnectedBrokerAccess(Aggregates aggregates, CredentialVault vault, BrokerConnectors connectors) {
        this.aggregates = aggregates;
        this.vault = vault;
        this.connectors = connectors;
    }

    @Override
    public BrokerAdapter adapter(String connectionId, String userId) {
        try {
            if (aggregates.load(Connections.AGGREGATE, ConnectionId.of(connectionId).streamId()).state()
                    instanceof ConnectionState.Active active && active.userId().equals(userId)) {
                Credentials login = vault.open(active.credentialRef(), active.userId());
                return connectors.require(active.broker())
                        .adapter(new BrokerCredentials(login.keyId(), login.secret()));
            }
        } catch (Rejection unavailable) {
            throw new BrokerException(BrokerException.Code.NOT_FOUND, "connection credentials unavailable: "
                    + unavailable.code());
        }
        throw new BrokerException(BrokerException.Code.NOT_FOUND, "connection " + connectionId + " is not active");
    }
}
