package io.tradecore.contracts.broker;

import java.util.List;

/**
 * Connection-level operations of a brokerage, the steps of linking a user's brokerage login to TradeCore: check the
 * credentials, open a session, list the accounts the login can trade, activate the session, and close it again
 * (idempotent: closing a closed or unknown session is not an error). Refusals are {@link BrokerException}s with a
 * stable code; {@link #adapter} gives the trading operations for one set of credentials.
 */
public interface BrokerConnector {

    /** The broker's name as connections and accounts record it, e.g. {@code alpaca}. */
    String broker();

    void validateCredentials(BrokerCredentials credentials);

    /** Opens a session and answers its id at the broker. */
    String openSession(BrokerCredentials credentials);

    List<BrokerAccount> listAccounts(BrokerCredentials credentials, String session);

    void activateSession(BrokerCredentials credentials, String session);

    void closeSession(BrokerCredentials credentials, String session);

    /** Orders, positions and activities through one set of credentials. */
    BrokerAdapter adapter(BrokerCredentials credentials);
}
