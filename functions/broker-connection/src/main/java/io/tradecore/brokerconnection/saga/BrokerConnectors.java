package io.tradecore.brokerconnection.saga;

import io.tradecore.contracts.broker.BrokerConnector;
import io.tradecore.kernel.domain.Rejection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The brokerages this deployment can connect to, by name. */
public final class BrokerConnectors {

    private final Map<String, BrokerConnector> byName;

    public BrokerConnectors(List<BrokerConnector> connectors) {
        this.byName = connectors.stream().collect(Collectors.toUnmodifiableMap(BrokerConnector::broker,
                Function.identity()));
    }

    /** The connector, or a refusal naming the brokers that are supported. */
    public BrokerConnector require(String broker) {
        BrokerConnector connector = byName.get(broker);
        if (connector == null) {
            throw Rejection.invalid("broker", "broker must be one of " + byName.keySet().stream().sorted().toList());
        }
        return connector;
    }
}
