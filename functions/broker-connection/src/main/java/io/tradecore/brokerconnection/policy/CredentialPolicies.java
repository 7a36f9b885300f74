package io.tradecore.brokerconnection.policy;

import io.tradecore.brokerconnection.credentials.CredentialVault;
import io.tradecore.kernel.policy.Policy;

/**
 * Crypto-shredding on deletion: when a user is deleted, their data key is destroyed, so every credential of theirs
 * becomes unreadable at once, in the table and in every backup of it. Destroying an absent key changes nothing, so a
 * redelivered event is harmless. (user_account publishes {@code user.deleted} once it offers deletion; until then
 * this policy waits for it.)
 */
public final class CredentialPolicies {

    private CredentialPolicies() {
    }

    public static Policy<UserEvents> shredDeletedUsersCredentials(CredentialVault vault) {
        return Policy.on("shredDeletedUsersCredentials", UserEvents.VIEW, (event, send) -> {
            switch (event.payload()) {
                case UserEvents.Deleted deleted -> vault.shred(deleted.userId());
            }
        });
    }
}
