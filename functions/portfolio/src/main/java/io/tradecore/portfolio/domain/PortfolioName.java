package io.tradecore.portfolio.domain;

import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;

/** What the owner calls a portfolio: 1 to 100 characters, surrounding blanks dropped. */
public record PortfolioName(String value) implements SingleValue {

    public PortfolioName {
        value = Texts.bounded(Texts.required(value, "name").strip(), "name", 1, 100);
    }

    @Override
    public String toString() {
        return value;
    }
}
