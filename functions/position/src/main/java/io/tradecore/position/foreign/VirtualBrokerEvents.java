package io.tradecore.position.foreign;

import io.tradecore.kernel.eventstore.ForeignEvents;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * position's own reading of the virtual broker's events (a tolerant reader): only the fields it uses, under the
 * type names of functions/TRADING.md. Fields added upstream are ignored; other event types are passed over.
 */
public final class VirtualBrokerEvents {

    public static final String ORDER_FILLED = "virtual-broker.order-filled";
    public static final String PRICE_TICKED = "virtual-broker.price-ticked";

    /** Executions, which the position policy nets into positions. */
    public sealed interface Fills {
    }

    /** One execution of an order; {@code userId} is the account's owner. */
    public record OrderFilled(String orderId, String accountId, String userId, String fillId, String symbol,
                              String side, BigDecimal quantity, BigDecimal price, Instant at) implements Fills {
    }

    /** Market prices, which the read model values open positions at. */
    public sealed interface Prices {
    }

    /** A new last price; {@code sequence} grows per symbol. */
    public record PriceTicked(String symbol, BigDecimal price, long sequence, Instant at) implements Prices {
    }

    public static final ForeignEvents<Fills> FILLS =
            ForeignEvents.of(Fills.class).on(ORDER_FILLED, OrderFilled.class).build();

    public static final ForeignEvents<Prices> PRICES =
            ForeignEvents.of(Prices.class).on(PRICE_TICKED, PriceTicked.class).build();

    private VirtualBrokerEvents() {
    }
}
