package io.tradecore.order.policy;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.policy.Policy;
import io.tradecore.order.domain.AccountId;
import io.tradecore.order.domain.BrokerProgress;
import io.tradecore.order.domain.OrderCommand;
import io.tradecore.order.domain.OrderCommand.ImportOrder;
import io.tradecore.order.domain.OrderCommand.UpdateImportedOrder;
import io.tradecore.order.domain.OrderId;
import io.tradecore.order.domain.Price;
import io.tradecore.order.domain.Quantity;
import io.tradecore.order.domain.Side;
import io.tradecore.order.domain.Symbol;
import io.tradecore.order.domain.UserId;
import io.tradecore.order.inbound.SyncEvents;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

/**
 * When the data-sync worker brings in a connected broker's order, or sees its progress change, mirror it as an
 * imported order of the account: one stream per broker order ({@link OrderId#imported}), so a redelivered event or a
 * second sync finds the order there and records nothing, and a changed status is recorded once. Imported orders
 * never reach the buying-power gate or a broker: only {@code order.placed} does. Broker quantities and prices finer
 * than TradeCore's scales (6 and 4 decimals) are rounded half-even.
 */
public final class ImportSyncedOrders {

    public static final String NAME = "importSyncedOrders";

    private ImportSyncedOrders() {
    }

    public static Policy<SyncEvents> policy(Function<Command<OrderCommand>, CommandResult> orders, Clock clock) {
        return Policy.on(NAME, SyncEvents.VIEW, (event, send) -> send.send(orders, command(event, clock.instant())));
    }

    static OrderCommand command(EventEnvelope<SyncEvents> event, Instant at) {
        SyncEvents reported = event.payload();
        OrderId orderId = OrderId.imported(AccountId.of(reported.accountId()), reported.brokerOrderId());
        return switch (reported) {
            case SyncEvents.OrderImported o -> new ImportOrder(orderId, AccountId.of(o.accountId()),
                    UserId.of(o.userId() != null ? o.userId() : event.metadata().userId()), o.brokerOrderId(),
                    o.clientOrderId(), new Symbol(o.symbol()), side(o.side()), quantity(o.quantity()), o.type(),
                    price(o.limitPrice()), price(o.stopPrice()), o.timeInForce(),
                    progress(o.status(), o.filledQuantity(), o.averageFillPrice(), o.updatedAt()), o.submittedAt(), at);
            case SyncEvents.OrderUpdated u -> new UpdateImportedOrder(orderId,
                    progress(u.status(), u.filledQuantity(), u.averageFillPrice(), u.updatedAt()), at);
        };
    }

    private static BrokerProgress progress(String status, BigDecimal filled, BigDecimal average, Instant updatedAt) {
        return new BrokerProgress(status, filled == null ? null : filled.setScale(6, RoundingMode.HALF_EVEN),
                price(average), updatedAt);
    }

    private static Side side(String side) {
        try {
            return Side.valueOf(side.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Rejection.invalid("side", "side must be buy or sell, the broker reported " + side);
        }
    }

    private static Quantity quantity(BigDecimal quantity) {
        return new Quantity(quantity == null ? null : quantity.setScale(6, RoundingMode.HALF_EVEN));
    }

    /** Brokers send no price, or zero, where there is none (an unfilled order's average, a market order's limit). */
    private static Price price(BigDecimal price) {
        return price == null || price.signum() <= 0 ? null : new Price(price.setScale(4, RoundingMode.HALF_EVEN));
    }
}
