package io.tradecore.virtualbroker.api;

import java.util.List;

/** Every instrument the paper broker trades, by symbol. */
public record InstrumentList(List<InstrumentView> items) {
}
