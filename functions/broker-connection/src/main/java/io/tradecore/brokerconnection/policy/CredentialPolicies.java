package io.tradecore.brokerconnection.policy;

import io.tradecore.brokerconnection.api.ConnectionRequests.DisconnectRequest;
import io.tradecore.brokerconnection.credentials.CredentialVault;
import io.tradecore.brokerconnection.domain.ConnectionId;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.policy.Policy;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * What a user's deletion ({@code user.deleted}) does to their connections, in this order:
 * <ol>
 *   <li>every active connection is disconnected: its session closed at the broker while the credentials can still
 *       be read, the connection ended, its credentials erased;</li>
 *   <li>the user's data key is destroyed (crypto-shredding): every credential of theirs becomes unreadable at once,
 *       in the table and in every backup of it, and no step can complete one of their connections any more;</li>
 *   <li>connections that became active between 1 and 2 are disconnected too (without a broker call: the credentials
 *       are gone). Connections still being made fail on their next step ({@code credentials-shredded}) and compensate
 *       as any failed connection does.</li>
 * </ol>
 * Each disconnect is keyed by connection and phase, shredding an absent or destroyed key changes nothing, so a
 * redelivered event repeats nothing.
 */
public final class CredentialPolicies {

    private CredentialPolicies() {
    }

    /**
     * @param activeConnectionsOf the ids of the user's active connections, read from the write side (the saga's
     *                            records and the connection streams), so a connection not yet projected is not missed
     */
    public static Policy<UserEvents> shredDeletedUsersCredentials(
            CredentialVault vault, Function<String, List<String>> activeConnectionsOf,
            Function<Command<DisconnectRequest>, CommandResult> disconnect, Clock clock) {
        return Policy.on("shredDeletedUsersCredentials", UserEvents.VIEW, (event, send) -> {
            switch (event.payload()) {
                case UserEvents.Deleted deleted -> {
                    String userId = deleted.userId();
                    activeConnectionsOf.apply(userId).forEach(id -> send.send("close:" + id, disconnect,
                            new DisconnectRequest(ConnectionId.of(id))));
                    vault.shred(userId, clock.instant());
                    activeConnectionsOf.apply(userId).forEach(id -> send.send("end:" + id, disconnect,
                            new DisconnectRequest(ConnectionId.of(id))));
                }
            }
        });
    }
}
