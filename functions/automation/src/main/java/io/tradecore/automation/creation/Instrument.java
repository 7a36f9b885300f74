package io.tradecore.automation.creation;

import java.math.BigDecimal;

/** What automation reads of {@code getInstrument}'s answer; {@code lastPrice} is null before any tick. */
public record Instrument(String symbol, String name, BigDecimal lastPrice) {
}
