package io.tradecore.order.domain;

import io.tradecore.order.domain.OrderEvent.OrderPlaced;
import java.time.Instant;

/** What an order was placed as; fixed for its whole life (a replace makes a new order). */
public record OrderTicket(OrderId orderId, AccountId accountId, UserId userId, String broker,
                          ClientOrderId clientOrderId, Symbol symbol, Side side, OrderTerms terms,
                          Price estimatedPrice, OrderId replacesOrderId, Instant placedAt) {

    static OrderTicket of(OrderPlaced e) {
        return new OrderTicket(e.orderId(), e.accountId(), e.userId(), e.broker(), e.clientOrderId(), e.symbol(),
                e.side(), e.terms(), e.estimatedPrice(), e.replacesOrderId(), e.at());
    }
}
