package io.tradecore.virtualbroker.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** What has happened on a symbol's price feed. Stored under the names in {@link PriceFeed#EVENTS}. */
public sealed interface FeedEvent {

    /** A price; {@code sequence} numbers the symbol's ticks from 1 (it is the stream version). */
    record PriceTicked(Symbol symbol, BigDecimal price, long sequence, Instant at) implements FeedEvent {
    }
}
