package io.tradecore.contracts.broker;

import java.math.BigDecimal;

/** An account's balances as the broker reports them. */
public record BrokerAccount(String accountRef, String currency, BigDecimal cash, BigDecimal buyingPower,
                            BigDecimal equity, String status) {
}
