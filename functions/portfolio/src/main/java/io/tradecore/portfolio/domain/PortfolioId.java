package io.tradecore.portfolio.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.domain.Texts;
import java.util.UUID;

/** A portfolio's id; its stream is {@code portfolio-{id}}. */
public record PortfolioId(UUID value) implements SingleValue {

    public PortfolioId {
        Texts.present(value, "portfolioId");
    }

    public static PortfolioId of(String text) {
        try {
            return new PortfolioId(UUID.fromString(Texts.required(text, "portfolioId")));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("portfolioId", "portfolioId must be a UUID");
        }
    }

    public String streamId() {
        return "portfolio-" + value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
