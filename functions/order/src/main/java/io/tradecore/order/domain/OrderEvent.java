package io.tradecore.order.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What has happened to an order, in the past tense; the payloads of functions/TRADING.md, field for field.
 * Stored under the names in {@link Orders#EVENTS}.
 */
public sealed interface OrderEvent {

    OrderId orderId();

    AccountId accountId();

    UserId userId();

    Instant at();

    record OrderPlaced(OrderId orderId, AccountId accountId, UserId userId, String broker, ClientOrderId clientOrderId,
                       Symbol symbol, Side side, Quantity quantity, OrderType type, Price limitPrice, Price stopPrice,
                       Price trailAmount, Percent trailPercent, TimeInForce timeInForce, OrderId replacesOrderId,
                       Price estimatedPrice, Instant at) implements OrderEvent {
        public OrderTerms terms() {
            return new OrderTerms(type, quantity, limitPrice, stopPrice, trailAmount, trailPercent, timeInForce);
        }
    }

    record OrderAccepted(OrderId orderId, AccountId accountId, UserId userId, Instant at) implements OrderEvent {
    }

    record OrderRejected(OrderId orderId, AccountId accountId, UserId userId, String code, String reason, Instant at)
            implements OrderEvent {
    }

    record CancelRequested(OrderId orderId, AccountId accountId, UserId userId, Instant at) implements OrderEvent {
    }

    /** Carries the replacement's complete terms (after the changes), not only what changed. */
    record ReplaceRequested(OrderId orderId, AccountId accountId, UserId userId, OrderId newOrderId, Quantity quantity,
                            Price limitPrice, Price stopPrice, Price trailAmount, Percent trailPercent,
                            TimeInForce timeInForce, Instant at) implements OrderEvent {
    }

    record OrderPartiallyFilled(OrderId orderId, AccountId accountId, UserId userId, FillId fillId, Symbol symbol,
                                Side side, Quantity quantity, Price price, Money commission, Quantity filledQuantity,
                                Price averageFillPrice, Instant at) implements OrderEvent, FillEvent {
    }

    record OrderFilled(OrderId orderId, AccountId accountId, UserId userId, FillId fillId, Symbol symbol, Side side,
                       Quantity quantity, Price price, Money commission, Quantity filledQuantity,
                       Price averageFillPrice, Instant at) implements OrderEvent, FillEvent {
    }

    record OrderCanceled(OrderId orderId, AccountId accountId, UserId userId, String reason, Instant at)
            implements OrderEvent {
    }

    record OrderExpired(OrderId orderId, AccountId accountId, UserId userId, Instant at) implements OrderEvent {
    }

    record OrderReplaced(OrderId orderId, AccountId accountId, UserId userId, OrderId newOrderId, Instant at)
            implements OrderEvent {
    }

    /**
     * An order placed at a connected broker outside TradeCore, brought in by a history sync as the broker reports it
     * (it may already be filled). Its id is derived from the account and the broker's order id
     * ({@link OrderId#imported}); type, time in force and status are the broker's words.
     */
    record OrderImported(OrderId orderId, AccountId accountId, UserId userId, String brokerOrderId,
                         String clientOrderId, Symbol symbol, Side side, Quantity quantity, String type,
                         Price limitPrice, Price stopPrice, String timeInForce, String status,
                         BigDecimal filledQuantity, Price averageFillPrice, Instant submittedAt, Instant updatedAt,
                         Instant at) implements OrderEvent {
    }

    /** A later sync saw the imported order's status, filled quantity or average price changed at the broker. */
    record OrderImportUpdated(OrderId orderId, AccountId accountId, UserId userId, String brokerOrderId,
                              String status, BigDecimal filledQuantity, Price averageFillPrice, Instant updatedAt,
                              Instant at) implements OrderEvent {
    }
}
