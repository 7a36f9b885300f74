package io.tradecore.portfolio.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What happens to a portfolio; every event names its owner ({@code userId}). */
public sealed interface PortfolioEvent {

    PortfolioId portfolioId();

    UUID userId();

    Instant at();

    record PortfolioCreated(PortfolioId portfolioId, UUID userId, PortfolioName name, List<AccountId> accountIds,
                            Instant at) implements PortfolioEvent {
        public PortfolioCreated {
            accountIds = List.copyOf(accountIds);
        }
    }

    record PortfolioRenamed(PortfolioId portfolioId, UUID userId, PortfolioName name, Instant at)
            implements PortfolioEvent {
    }

    record AccountAdded(PortfolioId portfolioId, UUID userId, AccountId accountId, Instant at)
            implements PortfolioEvent {
    }

    record AccountRemoved(PortfolioId portfolioId, UUID userId, AccountId accountId, Instant at)
            implements PortfolioEvent {
    }

    record PortfolioDeleted(PortfolioId portfolioId, UUID userId, Instant at) implements PortfolioEvent {
    }
}
