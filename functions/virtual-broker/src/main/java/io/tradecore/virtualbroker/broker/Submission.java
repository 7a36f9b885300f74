package io.tradecore.virtualbroker.broker;

import io.tradecore.contracts.broker.OrderRequest;
import java.util.UUID;

/**
 * An order handed to the paper broker: the request in the adapter contract's terms, with the TradeCore order id
 * (which the broker keeps as its own order id and stream) and the owner, which the contract's request lacks.
 */
public record Submission(UUID orderId, String userId, OrderRequest request) {
}
