package io.tradecore.order.api;

import io.tradecore.kernel.domain.Texts;
import io.tradecore.order.domain.AccountId;
import io.tradecore.order.domain.ClientOrderId;
import io.tradecore.order.domain.OrderId;
import io.tradecore.order.domain.OrderTerms;
import io.tradecore.order.domain.OrderType;
import io.tradecore.order.domain.Percent;
import io.tradecore.order.domain.Price;
import io.tradecore.order.domain.Quantity;
import io.tradecore.order.domain.Side;
import io.tradecore.order.domain.Symbol;
import io.tradecore.order.domain.TermChanges;
import io.tradecore.order.domain.TimeInForce;

/** The bodies of order's HTTP commands; each checks what it can check by itself when it is read. */
public final class OrderRequests {

    private OrderRequests() {
    }

    /** {@code POST /api/orders/place}; {@code clientOrderId} is generated when absent. */
    public record PlaceOrderRequest(AccountId accountId, Symbol symbol, Side side, Quantity quantity, OrderType type,
                                    Price limitPrice, Price stopPrice, Price trailAmount, Percent trailPercent,
                                    TimeInForce timeInForce, ClientOrderId clientOrderId) {
        public PlaceOrderRequest {
            Texts.present(accountId, "accountId");
            Texts.present(symbol, "symbol");
            Texts.present(side, "side");
            new OrderTerms(type, quantity, limitPrice, stopPrice, trailAmount, trailPercent, timeInForce);
        }

        public OrderTerms terms() {
            return new OrderTerms(type, quantity, limitPrice, stopPrice, trailAmount, trailPercent, timeInForce);
        }
    }

    /** {@code POST /api/orders/{orderId}/cancel}, with an empty JSON object as body. */
    public record CancelOrderRequest(OrderId orderId) {
        public CancelOrderRequest {
            Texts.present(orderId, "orderId");
        }
    }

    /** {@code POST /api/orders/{orderId}/replace}: the terms to change; a missing quantity keeps what is left. */
    public record ReplaceOrderRequest(OrderId orderId, Quantity quantity, Price limitPrice, Price stopPrice,
                                      Price trailAmount, Percent trailPercent, TimeInForce timeInForce) {
        public ReplaceOrderRequest {
            Texts.present(orderId, "orderId");
            changes(quantity, limitPrice, stopPrice, trailAmount, trailPercent, timeInForce);
        }

        public TermChanges changes() {
            return changes(quantity, limitPrice, stopPrice, trailAmount, trailPercent, timeInForce);
        }

        private static TermChanges changes(Quantity quantity, Price limitPrice, Price stopPrice, Price trailAmount,
                                           Percent trailPercent, TimeInForce timeInForce) {
            return new TermChanges(quantity, limitPrice, stopPrice, trailAmount, trailPercent, timeInForce);
        }
    }

    /** What a replace request answers: the order, its replacement-to-be, and the token of the request's event. */
    public record ReplaceResult(String orderId, String newOrderId, String streamId, long version,
                                String consistencyToken) {
    }
}
