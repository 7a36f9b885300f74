package io.tradecore.order.domain;

import java.time.Instant;

/** What the two fill events share: one execution, and the order's running totals after it. */
public interface FillEvent {

    OrderId orderId();

    FillId fillId();

    Quantity quantity();

    Price price();

    Money commission();

    Quantity filledQuantity();

    Price averageFillPrice();

    Instant at();
}
