package io.tradecore.automation.foreign;

import io.tradecore.kernel.eventstore.ForeignEvents;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * automation's own reading of the virtual broker's price ticks (a tolerant reader): only the fields it uses, under
 * the type name of functions/TRADING.md. Other event types on {@code transport.virtual_broker} are passed over.
 */
public final class VirtualBrokerEvents {

    public static final String PRICE_TICKED = "virtual-broker.price-ticked";

    /** Market prices, which the alert books are evaluated on. */
    public sealed interface Prices {
    }

    /** A new last price; {@code sequence} grows per symbol. */
    public record PriceTicked(String symbol, BigDecimal price, long sequence, Instant at) implements Prices {
    }

    public static final ForeignEvents<Prices> PRICES =
            ForeignEvents.of(Prices.class).on(PRICE_TICKED, PriceTicked.class).build();

    private VirtualBrokerEvents() {
    }
}
