package io.tradecore.order.api;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import io.tradecore.order.domain.AccountId;
import io.tradecore.order.domain.OrderId;
import io.tradecore.order.domain.OrderStatus;

/** The inputs of order's query functions. */
public final class OrderQueries {

    private OrderQueries() {
    }

    public record GetOrderById(OrderId orderId) {
        public GetOrderById {
            Texts.present(orderId, "orderId");
        }
    }

    /** The caller's orders, newest first, optionally of one account and one status; {@code size} 1 to 200 (50). */
    public record ListOrders(AccountId accountId, OrderStatus status, Integer page, Integer size) {
        public ListOrders {
            page = page == null ? 0 : page;
            size = size == null ? 50 : size;
            if (page < 0) {
                throw Rejection.invalid("page", "page must be 0 or more");
            }
            if (size < 1 || size > 200) {
                throw Rejection.invalid("size", "size must be 1 to 200");
            }
        }
    }

    public record ListOrderFills(OrderId orderId) {
        public ListOrderFills {
            Texts.present(orderId, "orderId");
        }
    }
}
