package io.tradecore.brokeraccount.readmodel;

import io.tradecore.kernel.eventstore.ForeignEvents;
import java.math.BigDecimal;

/** The virtual broker's price ticks as the accounts read model reads them, to value holdings. */
public sealed interface MarketEvents {

    ForeignEvents<MarketEvents> VIEW = ForeignEvents.of(MarketEvents.class)
            .on("virtual-broker.price-ticked", PriceTicked.class).build();

    record PriceTicked(String symbol, BigDecimal price) implements MarketEvents {
    }
}
