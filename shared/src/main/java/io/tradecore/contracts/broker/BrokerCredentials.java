package io.tradecore.contracts.broker;

/**
 * What a brokerage needs to know who is calling: a key id and its secret (Alpaca-style API keys). The secret
 * never appears in {@link #toString()}, so a credential that reaches a log line by mistake leaks nothing.
 */
public record BrokerCredentials(String keyId, String secret) {

    @Override
    public String toString() {
        return "BrokerCredentials[keyId=" + keyId + ", secret=***]";
    }
}
