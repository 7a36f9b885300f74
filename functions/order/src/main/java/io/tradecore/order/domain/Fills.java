package io.tradecore.order.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.order.domain.OrderCommand.RecordFill;
import io.tradecore.order.domain.OrderEvent.OrderFilled;
import io.tradecore.order.domain.OrderEvent.OrderPartiallyFilled;
import io.tradecore.order.domain.OrderState.Working;
import java.util.List;

/** Recording one execution: the running quantity and volume-weighted average, complete when the quantity is. */
final class Fills {

    private Fills() {
    }

    static List<OrderEvent> record(Working w, RecordFill c) {
        if (w.execution().hasSeen(c.fillId())) {
            return List.of();
        }
        Execution after = w.execution().with(c.fillId(), c.quantity(), c.price());
        OrderTicket t = w.ticket();
        int remaining = after.remainingOf(t.terms().quantity()).signum();
        if (remaining < 0) {
            throw Rejection.unprocessable("overfill", "fill " + c.fillId() + " of " + c.quantity()
                    + " exceeds what is left of the order");
        }
        Quantity filled = new Quantity(after.filledQuantity());
        Money commission = c.commission() == null ? Money.ZERO : c.commission();
        return List.of(remaining == 0
                ? new OrderFilled(t.orderId(), t.accountId(), t.userId(), c.fillId(), t.symbol(), t.side(),
                        c.quantity(), c.price(), commission, filled, after.averageFillPrice(), c.at())
                : new OrderPartiallyFilled(t.orderId(), t.accountId(), t.userId(), c.fillId(), t.symbol(), t.side(),
                        c.quantity(), c.price(), commission, filled, after.averageFillPrice(), c.at()));
    }
}
