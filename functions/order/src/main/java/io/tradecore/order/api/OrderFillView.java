package io.tradecore.order.api;

import java.math.BigDecimal;
import java.time.Instant;

/** One execution of an order, from the {@code order_fills} read model. */
public record OrderFillView(String fillId, String orderId, BigDecimal quantity, BigDecimal price,
                            BigDecimal commission, Instant at) {
}
