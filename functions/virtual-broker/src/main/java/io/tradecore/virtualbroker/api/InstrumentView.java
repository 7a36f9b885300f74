package io.tradecore.virtualbroker.api;

import java.math.BigDecimal;
import java.time.Instant;

/** An instrument and its last traded price; {@code lastPrice} and {@code lastTickAt} are null until the first tick. */
public record InstrumentView(String symbol, String name, BigDecimal lastPrice, Instant lastTickAt) {
}
