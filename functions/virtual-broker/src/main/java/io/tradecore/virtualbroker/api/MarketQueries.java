package io.tradecore.virtualbroker.api;

import io.tradecore.kernel.domain.Texts;
import io.tradecore.virtualbroker.domain.Symbol;

/** The inputs of virtual_broker's query functions. */
public final class MarketQueries {

    private MarketQueries() {
    }

    public record GetInstrument(Symbol symbol) {
        public GetInstrument {
            Texts.present(symbol, "symbol");
        }
    }

    public record ListInstruments() {
    }
}
