package io.tradecore.contracts.broker;

import java.math.BigDecimal;

/** A position as the broker reports it: quantity is negative for a short. */
public record BrokerPosition(String symbol, BigDecimal quantity, BigDecimal averageEntryPrice,
                             BigDecimal marketPrice) {
}
