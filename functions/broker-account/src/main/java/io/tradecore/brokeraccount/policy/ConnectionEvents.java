package io.tradecore.brokeraccount.policy;

import io.tradecore.kernel.eventstore.ForeignEvents;
import java.util.List;

/**
 * broker_connection's events as broker_account reads them: a completed connection, with the accounts the broker
 * reported for the login. Only the fields used here.
 */
public sealed interface ConnectionEvents {

    ForeignEvents<ConnectionEvents> VIEW = ForeignEvents.of(ConnectionEvents.class)
            .on("connection.completed", Completed.class)
            .build();

    record Completed(String connectionId, String userId, String broker, List<ReportedAccount> accounts)
            implements ConnectionEvents {
        public Completed {
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
        }
    }

    record ReportedAccount(String accountRef, String currency) {
    }
}
