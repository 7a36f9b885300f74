package io.tradecore.portfolio.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.testing.DeciderSpec;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PortfoliosTest {

    private static final PortfolioId ID = new PortfolioId(UUID.randomUUID());
    private static final UUID OWNER = UUID.randomUUID();
    private static final AccountId MAIN = new AccountId(UUID.randomUUID());
    private static final AccountId SIDE = new AccountId(UUID.randomUUID());
    private static final Instant AT = Instant.parse("2025-03-03T15:00:00Z");
    private static final PortfolioName GROWTH = new PortfolioName("Growth");

    private final PortfolioCreated created = new PortfolioCreated(ID, OWNER, GROWTH, List.of(MAIN), AT);

    private static DeciderSpec<PortfolioCommand, PortfolioState, PortfolioEvent> spec() {
        return DeciderSpec.of(Portfolios.DECIDER);
    }

    @Test
    void a_portfolio_is_created_over_its_accounts_each_named_once() {
        spec().given().when(new CreatePortfolio(ID, OWNER, GROWTH, List.of(MAIN, SIDE, MAIN), AT))
                .then(new PortfolioCreated(ID, OWNER, GROWTH, List.of(MAIN, SIDE), AT));
        spec().given(created).when(new CreatePortfolio(ID, OWNER, GROWTH, List.of(MAIN), AT))
                .thenRejected("portfolio-exists");
    }

    @Test
    void a_portfolio_needs_an_account_and_a_name() {
        assertThatThrownBy(() -> new CreatePortfolio(ID, OWNER, GROWTH, List.of(), AT))
                .isInstanceOf(Rejection.class).extracting("code").isEqualTo("invalid-accountIds");
        assertThatThrownBy(() -> new PortfolioName("  ")).extracting("code").isEqualTo("invalid-name");
        assertThatThrownBy(() -> new PortfolioName("x".repeat(101))).extracting("code").isEqualTo("invalid-name");
    }

    @Test
    void renaming_to_the_same_name_changes_nothing() {
        spec().given(created).when(new RenamePortfolio(ID, new PortfolioName(" Growth "), AT)).thenNothingHappens();
        spec().given(created).when(new RenamePortfolio(ID, new PortfolioName("Income"), AT))
                .then(new PortfolioRenamed(ID, OWNER, new PortfolioName("Income"), AT));
    }

    @Test
    void accounts_come_and_go_but_the_last_one_stays() {
        spec().given(created).when(new AddAccount(ID, SIDE, AT)).then(new AccountAdded(ID, OWNER, SIDE, AT));
        spec().given(created).when(new AddAccount(ID, MAIN, AT)).thenNothingHappens();
        spec().given(created, new AccountAdded(ID, OWNER, SIDE, AT)).when(new RemoveAccount(ID, MAIN, AT))
                .then(new AccountRemoved(ID, OWNER, MAIN, AT));
        spec().given(created).when(new RemoveAccount(ID, SIDE, AT)).thenNothingHappens();
        spec().given(created).when(new RemoveAccount(ID, MAIN, AT)).thenRejected("last-account");
        assertThat(spec().given(created, new AccountAdded(ID, OWNER, SIDE, AT), new AccountRemoved(ID, OWNER, MAIN, AT))
                .state()).isEqualTo(new Active(ID, OWNER, GROWTH, List.of(SIDE)));
    }

    @Test
    void a_deleted_or_unknown_portfolio_reads_as_not_found() {
        spec().given(created).when(new DeletePortfolio(ID, AT)).then(new PortfolioDeleted(ID, OWNER, AT));
        spec().given(created, new PortfolioDeleted(ID, OWNER, AT)).when(new AddAccount(ID, SIDE, AT))
                .thenRejected("portfolio-not-found");
        spec().given(created, new PortfolioDeleted(ID, OWNER, AT)).when(new DeletePortfolio(ID, AT))
                .thenRejected("portfolio-not-found");
        spec().given().when(new RenamePortfolio(ID, GROWTH, AT)).thenRejected("portfolio-not-found");
    }
}
