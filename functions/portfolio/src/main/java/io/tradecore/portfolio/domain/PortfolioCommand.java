package io.tradecore.portfolio.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What an owner asks of a portfolio. The accounts named have been checked to be the caller's before a command is
 * built (through broker_account's {@code getAccountById}); {@code at} is the function's clock reading.
 */
public sealed interface PortfolioCommand {

    /** A portfolio spans at most this many accounts. */
    int MAX_ACCOUNTS = 50;

    PortfolioId portfolioId();

    Instant at();

    record CreatePortfolio(PortfolioId portfolioId, UUID userId, PortfolioName name, List<AccountId> accountIds,
                           Instant at) implements PortfolioCommand {
        public CreatePortfolio {
            Texts.present(portfolioId, "portfolioId");
            Texts.present(userId, "userId");
            Texts.present(name, "name");
            accountIds = distinct(accountIds);
            Texts.present(at, "at");
        }
    }

    record RenamePortfolio(PortfolioId portfolioId, PortfolioName name, Instant at) implements PortfolioCommand {
        public RenamePortfolio {
            Texts.present(name, "name");
        }
    }

    record AddAccount(PortfolioId portfolioId, AccountId accountId, Instant at) implements PortfolioCommand {
        public AddAccount {
            Texts.present(accountId, "accountId");
        }
    }

    record RemoveAccount(PortfolioId portfolioId, AccountId accountId, Instant at) implements PortfolioCommand {
        public RemoveAccount {
            Texts.present(accountId, "accountId");
        }
    }

    record DeletePortfolio(PortfolioId portfolioId, Instant at) implements PortfolioCommand {
    }

    /** One to {@link #MAX_ACCOUNTS} accounts, each once, in the order first given. */
    static List<AccountId> distinct(List<AccountId> accountIds) {
        if (accountIds == null || accountIds.isEmpty()) {
            throw Rejection.invalid("accountIds", "accountIds must name at least one account");
        }
        if (accountIds.stream().anyMatch(Objects::isNull)) {
            throw Rejection.invalid("accountIds", "accountIds must not contain null");
        }
        List<AccountId> distinct = List.copyOf(new LinkedHashSet<>(accountIds));
        if (distinct.size() > MAX_ACCOUNTS) {
            throw Rejection.invalid("accountIds", "a portfolio spans at most " + MAX_ACCOUNTS + " accounts");
        }
        return distinct;
    }
}
