package io.tradecore.portfolio.domain;

import io.tradecore.kernel.domain.Aggregate;
import io.tradecore.kernel.domain.Decider;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.portfolio.domain.PortfolioCommand.AddAccount;
import io.tradecore.portfolio.domain.PortfolioCommand.CreatePortfolio;
import io.tradecore.portfolio.domain.PortfolioCommand.DeletePortfolio;
import io.tradecore.portfolio.domain.PortfolioCommand.RemoveAccount;
import io.tradecore.portfolio.domain.PortfolioCommand.RenamePortfolio;
import io.tradecore.portfolio.domain.PortfolioEvent.AccountAdded;
import io.tradecore.portfolio.domain.PortfolioEvent.AccountRemoved;
import io.tradecore.portfolio.domain.PortfolioEvent.PortfolioCreated;
import io.tradecore.portfolio.domain.PortfolioEvent.PortfolioDeleted;
import io.tradecore.portfolio.domain.PortfolioEvent.PortfolioRenamed;
import io.tradecore.portfolio.domain.PortfolioState.Active;
import io.tradecore.portfolio.domain.PortfolioState.Deleted;
import io.tradecore.portfolio.domain.PortfolioState.NoPortfolio;
import java.util.ArrayList;
import java.util.List;

/**
 * The portfolio decider: a named set of one to fifty of the owner's accounts. Asking for what already is (the same
 * name, an account already in, an account not in) changes nothing; a portfolio keeps at least one account; a
 * deleted portfolio reads as absent.
 */
public final class Portfolios {

    public static final String DOMAIN = "portfolio";

    public static final EventTypes<PortfolioEvent> EVENTS = EventTypes.of(DOMAIN, PortfolioEvent.class)
            .add(PortfolioCreated.class, "portfolio.created", 1)
            .add(PortfolioRenamed.class, "portfolio.renamed", 1)
            .add(AccountAdded.class, "portfolio.account-added", 1)
            .add(AccountRemoved.class, "portfolio.account-removed", 1)
            .add(PortfolioDeleted.class, "portfolio.deleted", 1)
            .build();

    public static final Decider<PortfolioCommand, PortfolioState, PortfolioEvent> DECIDER =
            new Decider<>(Portfolios::decide, Portfolios::evolve, new NoPortfolio());

    public static final Aggregate<PortfolioCommand, PortfolioState, PortfolioEvent> AGGREGATE =
            Aggregate.of(DECIDER, EVENTS, PortfolioState.class);

    private Portfolios() {
    }

    static List<PortfolioEvent> decide(PortfolioCommand command, PortfolioState state) {
        return switch (command) {
            case CreatePortfolio c -> state instanceof NoPortfolio
                    ? List.of(new PortfolioCreated(c.portfolioId(), c.userId(), c.name(), c.accountIds(), c.at()))
                    : Rejection.conflict("portfolio-exists", "a portfolio with this id exists").raise();
            case RenamePortfolio c -> {
                Active a = active(state);
                yield a.name().equals(c.name()) ? List.of()
                        : List.of(new PortfolioRenamed(a.portfolioId(), a.userId(), c.name(), c.at()));
            }
            case AddAccount c -> {
                Active a = active(state);
                if (a.accountIds().contains(c.accountId())) {
                    yield List.of();
                }
                if (a.accountIds().size() >= PortfolioCommand.MAX_ACCOUNTS) {
                    throw Rejection.unprocessable("too-many-accounts",
                            "a portfolio spans at most " + PortfolioCommand.MAX_ACCOUNTS + " accounts");
                }
                yield List.of(new AccountAdded(a.portfolioId(), a.userId(), c.accountId(), c.at()));
            }
            case RemoveAccount c -> {
                Active a = active(state);
                if (!a.accountIds().contains(c.accountId())) {
                    yield List.of();
                }
                if (a.accountIds().size() == 1) {
                    throw Rejection.unprocessable("last-account",
                            "a portfolio keeps at least one account; delete the portfolio instead");
                }
                yield List.of(new AccountRemoved(a.portfolioId(), a.userId(), c.accountId(), c.at()));
            }
            case DeletePortfolio c -> {
                Active a = active(state);
                yield List.of(new PortfolioDeleted(a.portfolioId(), a.userId(), c.at()));
            }
        };
    }

    static PortfolioState evolve(PortfolioState state, PortfolioEvent event) {
        return switch (event) {
            case PortfolioCreated e -> new Active(e.portfolioId(), e.userId(), e.name(), e.accountIds());
            case PortfolioRenamed e -> {
                Active a = (Active) state;
                yield new Active(a.portfolioId(), a.userId(), e.name(), a.accountIds());
            }
            case AccountAdded e -> {
                Active a = (Active) state;
                List<AccountId> accounts = new ArrayList<>(a.accountIds());
                accounts.add(e.accountId());
                yield new Active(a.portfolioId(), a.userId(), a.name(), accounts);
            }
            case AccountRemoved e -> {
                Active a = (Active) state;
                yield new Active(a.portfolioId(), a.userId(), a.name(),
                        a.accountIds().stream().filter(id -> !id.equals(e.accountId())).toList());
            }
            case PortfolioDeleted e -> new Deleted(e.portfolioId(), e.userId());
        };
    }

    public static Rejection portfolioNotFound() {
        return Rejection.notFound("portfolio-not-found", "portfolio not found");
    }

    private static Active active(PortfolioState state) {
        if (state instanceof Active active) {
            return active;
        }
        throw portfolioNotFound();
    }
}
