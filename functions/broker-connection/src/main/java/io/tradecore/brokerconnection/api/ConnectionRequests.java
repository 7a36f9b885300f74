package io.tradecore.brokerconnection.api;

import io.tradecore.brokerconnection.domain.ConnectionId;
import io.tradecore.brokerconnection.domain.Credentials;
import io.tradecore.kernel.domain.Texts;
import java.util.regex.Pattern;

/** The bodies of broker_connection's HTTP commands, checked as they are read. */
public final class ConnectionRequests {

    private static final Pattern BROKER = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private ConnectionRequests() {
    }

    /** {@code broker} names a supported brokerage; {@code keyId} and {@code secret} are its API key. */
    public record ConnectRequest(String broker, String keyId, String secret) {
        public ConnectRequest {
            Texts.matching(Texts.required(broker, "broker"), "broker", BROKER, "must be a broker name such as alpaca");
            new Credentials(keyId, secret);
        }

        public Credentials credentials() {
            return new Credentials(keyId, secret);
        }

        @Override
        public String toString() {
            return "ConnectRequest[broker=" + broker + ", keyId=" + keyId + ", secret=***]";
        }
    }

    public record DisconnectRequest(ConnectionId connectionId) {
        public DisconnectRequest {
            Texts.present(connectionId, "connectionId");
        }
    }
}
