package io.tradecore.order.api;

import java.util.List;

/** One page of the caller's orders, newest first. */
public record OrderPage(List<OrderView> items, int page, int size, long total) {
}
