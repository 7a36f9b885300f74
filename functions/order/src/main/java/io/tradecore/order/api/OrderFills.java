package io.tradecore.order.api;

import java.util.List;

/** An order's executions, oldest first. */
public record OrderFills(String orderId, List<OrderFillView> items) {
}
