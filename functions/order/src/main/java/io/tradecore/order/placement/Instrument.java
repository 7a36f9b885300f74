package io.tradecore.order.placement;

import java.math.BigDecimal;

/** What the order domain reads of {@code getInstrument}'s answer; {@code lastPrice} is null before any tick. */
public record Instrument(String symbol, String name, BigDecimal lastPrice) {
}
