package io.tradecore.brokerconnection.domain;

import io.tradecore.kernel.domain.Texts;

/**
 * A brokerage login as a user typed it: key id and secret. It lives only in memory on its way into the vault;
 * {@link #toString()} hides the secret.
 */
public record Credentials(String keyId, String secret) {

    public Credentials {
        keyId = Texts.bounded(keyId, "keyId", 1, 200);
        secret = Texts.bounded(secret, "secret", 1, 500);
    }

    @Override
    public String toString() {
        return "Credentials[keyId=" + keyId + ", secret=***]";
    }
}
