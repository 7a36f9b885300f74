package io.tradecore.brokerconnection.domain;

import java.util.List;

/** One record per lifecycle state: only a pending connection moves through the saga's steps. */
public sealed interface ConnectionState {

    record Unrequested() implements ConnectionState {
    }

    /**
     * Being connected: what the steps found so far (session id, accounts; null until found). Once a step failed or
     * a compensation ran, {@code compensating} holds and the connection can no longer complete.
     */
    record Pending(ConnectionId id, String userId, String broker, String credentialRef, boolean validated,
                   String session, List<DiscoveredAccount> accounts, boolean sessionClosed, boolean cleanedUp,
                   boolean compensating) implements ConnectionState {
        public Pending {
            accounts = accounts == null ? null : List.copyOf(accounts);
        }

        static Pending requested(ConnectionId id, String userId, String broker, String credentialRef) {
            return new Pending(id, userId, broker, credentialRef, false, null, null, false, false, false);
        }

        Pending markValidated() {
            return new Pending(id, userId, broker, credentialRef, true, session, accounts, sessionClosed, cleanedUp,
                    compensating);
        }

        Pending withSession(String opened) {
            return new Pending(id, userId, broker, credentialRef, validated, opened, accounts, sessionClosed, cleanedUp,
                    compensating);
        }

        Pending withAccounts(List<DiscoveredAccount> found) {
            return new Pending(id, userId, broker, credentialRef, validated, session, found, sessionClosed, cleanedUp,
                    compensating);
        }

        Pending compensated(boolean closed, boolean cleaned) {
            return new Pending(id, userId, broker, credentialRef, validated, session, accounts,
                    sessionClosed || closed, cleanedUp || cleaned, true);
        }
    }

    record Active(ConnectionId id, String userId, String broker, String credentialRef, String session,
                  List<DiscoveredAccount> accounts) implements ConnectionState {
        public Active {
            accounts = List.copyOf(accounts);
        }
    }

    record Failed(ConnectionId id, String userId, String failedStep, String code) implements ConnectionState {
    }

    record Disconnected(ConnectionId id, String userId) implements ConnectionState {
    }
}
