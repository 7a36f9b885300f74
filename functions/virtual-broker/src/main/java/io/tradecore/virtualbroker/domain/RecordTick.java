package io.tradecore.virtualbroker.domain;

import io.tradecore.kernel.domain.Texts;
import java.math.BigDecimal;
import java.time.Instant;

/** A price for a symbol, as the feed reports it: positive, at most 4 decimals; {@code at} defaults to now. */
public record RecordTick(Symbol symbol, BigDecimal price, Instant at) {

    public RecordTick {
        Texts.present(symbol, "symbol");
        Prices.positive(price, "price", Prices.PRICE_SCALE);
    }

    public String streamId() {
        return PriceFeed.streamId(symbol);
    }

    public RecordTick at(Instant now) {
        return at == null ? new RecordTick(symbol, price, now) : this;
    }
}
