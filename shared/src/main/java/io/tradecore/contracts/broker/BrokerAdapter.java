package io.tradecore.contracts.broker;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The anti-corruption layer in front of a brokerage: every broker TradeCore trades through (the virtual broker for
 * paper trading, REST brokerages such as Alpaca) is reached through this interface, in TradeCore's terms, so no
 * broker's vocabulary leaks into the domains. Implementations translate, and report a broker's refusals as
 * {@link BrokerException}s with a stable code.
 *
 * <p>Submitting is idempotent on the client order id: an implementation looks an order up by that id before it
 * sends it again, so a retried submit never places a second order.
 */
public interface BrokerAdapter {

    /** The broker's name as accounts record it, e.g. {@code virtual} or {@code alpaca}. */
    String broker();

    BrokerOrder submitOrder(OrderRequest request);

    Optional<BrokerOrder> findOrder(String accountRef, String clientOrderId);

    BrokerOrder cancelOrder(String accountRef, String brokerOrderId);

    BrokerAccount account(String accountRef);

    List<BrokerOrder> orders(String accountRef, Instant since);

    List<BrokerPosition> positions(String accountRef);

    /** Fills, transfers and fees since {@code since}, oldest first. */
    List<BrokerActivity> activities(String accountRef, Instant since);
}
