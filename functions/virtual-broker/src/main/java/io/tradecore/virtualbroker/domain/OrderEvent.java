package io.tradecore.virtualbroker.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What has happened to an order at the paper broker, stored under the names in {@link BrokerOrders#EVENTS} with the
 * fields of TRADING.md. {@code sequence} (beyond the contract) is the tick an event came from, so a redelivered tick
 * changes nothing.
 */
public sealed interface OrderEvent {

    OrderId orderId();

    record OrderReceived(OrderId orderId, UUID accountId, String userId, String clientOrderId, Symbol symbol, Side side,
                         BigDecimal quantity, OrderType type, BigDecimal limitPrice, BigDecimal stopPrice,
                         BigDecimal trailAmount, BigDecimal trailPercent, TimeInForce timeInForce, Instant expiresAt,
                         Instant at) implements OrderEvent {

        static OrderReceived of(OrderTerms t, Instant expiresAt, Instant at) {
            return new OrderReceived(t.orderId(), t.accountId(), t.userId(), t.clientOrderId(), t.symbol(), t.side(),
                    t.quantity(), t.type(), t.limitPrice(), t.stopPrice(), t.trailAmount(), t.trailPercent(),
                    t.timeInForce(), expiresAt, at);
        }

        public OrderTerms terms() {
            return new OrderTerms(orderId, accountId, userId, clientOrderId, symbol, side, quantity, type, limitPrice,
                    stopPrice, trailAmount, trailPercent, timeInForce);
        }
    }

    /** A stop or trailing stop became active at {@code triggerPrice}. */
    record OrderTriggered(OrderId orderId, UUID accountId, String userId, BigDecimal triggerPrice, long sequence,
                          Instant at) implements OrderEvent {
    }

    /**
     * A trailing stop followed the best price. {@code highWaterMark} is the best price seen: the high for a sell,
     * the low for a buy.
     */
    record StopAdjusted(OrderId orderId, UUID accountId, String userId, BigDecimal stopPrice, BigDecimal highWaterMark,
                        long sequence, Instant at) implements OrderEvent {
    }

    record OrderFilled(OrderId orderId, UUID accountId, String userId, UUID fillId, Symbol symbol, Side side,
                       BigDecimal quantity, BigDecimal price, BigDecimal commission, BigDecimal leavesQuantity,
                       long sequence, Instant at) implements OrderEvent {
    }

    record OrderCanceled(OrderId orderId, UUID accountId, String userId, CancelReason reason,
                         BigDecimal leavesQuantity, Instant at) implements OrderEvent {
    }

    record OrderExpired(OrderId orderId, UUID accountId, String userId, BigDecimal leavesQuantity, Instant at)
            implements OrderEvent {
    }

    record OrderRejected(OrderId orderId, UUID accountId, String userId, String code, String reason, Instant at)
            implements OrderEvent {
    }

    record OrderReplaced(OrderId orderId, UUID accountId, String userId, UUID newOrderId, BigDecimal leavesQuantity,
                         Instant at) implements OrderEvent {
    }

    /**
     * A cancel (or, with {@code newOrderId}, a replace) arrived before the order did: the tombstone that makes the
     * order's later arrival end at once. Internal to the broker; other domains pass over it.
     */
    record CancelNoted(OrderId orderId, UUID accountId, String userId, UUID newOrderId, Instant at)
            implements OrderEvent {
    }
}
