package io.tradecore.order.domain;

import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;

/** The broker's id of one execution; the same id twice is the same fill. */
public record FillId(String value) implements SingleValue {

    public FillId {
        value = Texts.bounded(value, "fillId", 1, 100);
    }

    @Override
    public String toString() {
        return value;
    }
}
