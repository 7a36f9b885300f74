package io.tradecore.portfolio.domain;

import java.util.List;
import java.util.UUID;

/** A portfolio's life: not yet created, active over its accounts, or deleted (nothing can be asked of it then). */
public sealed interface PortfolioState {

    record NoPortfolio() implements PortfolioState {
    }

    record Active(PortfolioId portfolioId, UUID userId, PortfolioName name, List<AccountId> accountIds)
            implements PortfolioState {
        public Active {
            accountIds = List.copyOf(accountIds);
        }
    }

    record Deleted(PortfolioId portfolioId, UUID userId) implements PortfolioState {
    }

    /** The owner, once created; null before. */
    default UUID owner() {
        return switch (this) {
            case NoPortfolio n -> null;
            case Active a -> a.userId();
            case Deleted d -> d.userId();
        };
    }
}
