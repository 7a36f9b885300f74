package io.tradecore.portfolio.api;

import io.tradecore.kernel.domain.Texts;
import io.tradecore.portfolio.domain.AccountId;
import io.tradecore.portfolio.domain.PortfolioId;
import io.tradecore.portfolio.domain.PortfolioName;
import java.util.List;

/** The bodies of portfolio's commands; the portfolio id comes from the path. */
public final class PortfolioRequests {

    private PortfolioRequests() {
    }

    /** {@code accountIds}: one to fifty of the caller's accounts. */
    public record CreatePortfolioRequest(PortfolioName name, List<AccountId> accountIds) {
        public CreatePortfolioRequest {
            Texts.present(name, "name");
            Texts.present(accountIds, "accountIds");
        }
    }

    public record RenamePortfolioRequest(PortfolioId portfolioId, PortfolioName name) {
        public RenamePortfolioRequest {
            Texts.present(portfolioId, "portfolioId");
            Texts.present(name, "name");
        }
    }

    public record PortfolioAccountRequest(PortfolioId portfolioId, AccountId accountId) {
        public PortfolioAccountRequest {
            Texts.present(portfolioId, "portfolioId");
            Texts.present(accountId, "accountId");
        }
    }

    public record DeletePortfolioRequest(PortfolioId portfolioId) {
        public DeletePortfolioRequest {
            Texts.present(portfolioId, "portfolioId");
        }
    }
}
