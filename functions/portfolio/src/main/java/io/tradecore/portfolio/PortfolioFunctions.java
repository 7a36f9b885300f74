package io.tradecore.portfolio;

import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.command.CommandHandler;
import io.tradecore.kernel.config.KernelConfiguration;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.kernel.domain.Ids;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.Document;
import io.tradecore.kernel.function.Query;
import io.tradecore.kernel.gateway.QueryBus;
import io.tradecore.kernel.projection.ProjectionRuntime;
import io.tradecore.portfolio.api.PortfolioQueries.GetExposure;
import io.tradecore.portfolio.api.PortfolioQueries.GetPortfolio;
import io.tradecore.portfolio.api.PortfolioQueries.ListPortfolios;
import io.tradecore.portfolio.api.PortfolioQueries.Window;
import io.tradecore.portfolio.api.PortfolioRequests.CreatePortfolioRequest;
import io.tradecore.portfolio.api.PortfolioRequests.DeletePortfolioRequest;
import io.tradecore.portfolio.api.PortfolioRequests.PortfolioAccountRequest;
import io.tradecore.portfolio.api.PortfolioRequests.RenamePortfolioRequest;
import io.tradecore.portfolio.api.PortfolioViews.DailyPnlView;
import io.tradecore.portfolio.api.PortfolioViews.EquityCurve;
import io.tradecore.portfolio.api.PortfolioViews.ExposureView;
import io.tradecore.portfolio.api.PortfolioViews.Metrics;
import io.tradecore.portfolio.api.PortfolioViews.PortfolioList;
import io.tradecore.portfolio.api.PortfolioViews.PortfolioView;
import io.tradecore.portfolio.domain.PortfolioCommand;
import io.tradecore.portfolio.domain.PortfolioCommand.AddAccount;
import io.tradecore.portfolio.domain.PortfolioCommand.CreatePortfolio;
import io.tradecore.portfolio.domain.PortfolioCommand.DeletePortfolio;
import io.tradecore.portfolio.domain.PortfolioCommand.RemoveAccount;
import io.tradecore.portfolio.domain.PortfolioCommand.RenamePortfolio;
import io.tradecore.portfolio.domain.PortfolioEvent;
import io.tradecore.portfolio.domain.PortfolioId;
import io.tradecore.portfolio.domain.PortfolioState;
import io.tradecore.portfolio.domain.Portfolios;
import io.tradecore.portfolio.readmodel.PortfolioAnalytics;
import io.tradecore.portfolio.readmodel.PortfolioProjection;
import io.tradecore.portfolio.readmodel.PortfolioReadModel;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** portfolio's function beans; each hands its work to the kernel. Routes and topics: {@link PortfolioCatalog}. */
@AutoConfiguration(after = KernelConfiguration.class)
public class PortfolioFunctions {

    @Bean
    EventTypes<PortfolioEvent> portfolioEvents() {
        return Portfolios.EVENTS;
    }

    @Bean
    PortfolioProjection portfolioProjection(JdbcClient jdbc) {
        return new PortfolioProjection(jdbc);
    }

    @Bean
    PortfolioReadModel portfolioReadModel(JdbcClient jdbc) {
        return new PortfolioReadModel(jdbc);
    }

    @Bean
    PortfolioAnalytics portfolioAnalytics(PortfolioReadModel portfolios) {
        return new PortfolioAnalytics(portfolios);
    }

    @Bean
    OwnedAccounts ownedAccounts(QueryBus queries) {
        return new OwnedAccounts(queries);
    }

    /** Every portfolio command: only its owner (or an administrator) changes a portfolio. */
    @Bean
    CommandHandler<PortfolioCommand, PortfolioState, PortfolioEvent> portfolioCommands(Aggregates aggregates) {
        return aggregates.handler(Portfolios.AGGREGATE, command -> command.portfolioId().streamId())
                .authorizedBy((command, portfolio) -> {
                    UUID owner = portfolio.state().owner();
                    if (owner != null) {
                        command.actor().requireSelfOrAdmin(owner.toString(), "portfolio");
                    }
                });
    }

    @Bean
    Function<Command<CreatePortfolioRequest>, CommandResult> createPortfolio(
            CommandHandler<PortfolioCommand, PortfolioState, PortfolioEvent> portfolios, OwnedAccounts accounts,
            Ids ids, Clock clock) {
        return command -> portfolios.apply(command.map(request -> {
            UUID owner = caller(command.actor());
            CreatePortfolio create = new CreatePortfolio(new PortfolioId(ids.next()), owner, request.name(),
                    request.accountIds(), clock.instant());
            create.accountIds().forEach(account -> accounts.require(account, command.actor()));
            return create;
        }));
    }

    @Bean
    Function<Command<RenamePortfolioRequest>, CommandResult> renamePortfolio(
            CommandHandler<PortfolioCommand, PortfolioState, PortfolioEvent> portfolios, Clock clock) {
        return command -> portfolios.apply(command.map(request ->
                new RenamePortfolio(request.portfolioId(), request.name(), clock.instant())));
    }

    @Bean
    Function<Command<PortfolioAccountRequest>, CommandResult> addPortfolioAccount(
            CommandHandler<PortfolioCommand, PortfolioState, PortfolioEvent> portfolios, OwnedAccounts accounts,
            Clock clock) {
        return command -> portfolios.apply(command.map(request -> {
            accounts.require(request.accountId(), command.actor());
            return new AddAccount(request.portfolioId(), request.accountId(), clock.instant());
        }));
    }

    @Bean
    Function<Command<PortfolioAccountRequest>, CommandResult> removePortfolioAccount(
            CommandHandler<PortfolioCommand, PortfolioState, PortfolioEvent> portfolios, Clock clock) {
        return command -> portfolios.apply(command.map(request ->
                new RemoveAccount(request.portfolioId(), request.accountId(), clock.instant())));
    }

    @Bean
    Function<Command<DeletePortfolioRequest>, CommandResult> deletePortfolio(
            CommandHandler<PortfolioCommand, PortfolioState, PortfolioEvent> portfolios, Clock clock) {
        return command -> portfolios.apply(command.map(request ->
                new DeletePortfolio(request.portfolioId(), clock.instant())));
    }

    @Bean
    Function<Query<ListPortfolios>, PortfolioList> listPortfolios(PortfolioReadModel portfolios) {
        return query -> portfolios.portfolios(caller(query.actor()));
    }

    @Bean
    Function<Query<GetPortfolio>, PortfolioView> getPortfolio(PortfolioReadModel portfolios) {
        return query -> visible(portfolios, query.params().portfolioId(), query.actor());
    }

    @Bean
    Function<Query<Window>, EquityCurve> getEquityCurve(PortfolioReadModel portfolios, PortfolioAnalytics analytics,
                                                        Clock clock) {
        return query -> analytics.curve(visible(portfolios, query.params().portfolioId(), query.actor()),
                query.params(), clock.instant());
    }

    @Bean
    Function<Query<Window>, Document> getEquityChart(PortfolioReadModel portfolios, PortfolioAnalytics analytics,
                                                     Clock clock) {
        return query -> analytics.chart(visible(portfolios, query.params().portfolioId(), query.actor()),
                query.params(), clock.instant());
    }

    @Bean
    Function<Query<Window>, DailyPnlView> getDailyPnl(PortfolioReadModel portfolios, PortfolioAnalytics analytics,
                                                      Clock clock) {
        return query -> analytics.daily(visible(portfolios, query.params().portfolioId(), query.actor()),
                query.params(), clock.instant());
    }

    @Bean
    Function<Query<Window>, Metrics> getPortfolioMetrics(PortfolioReadModel portfolios, PortfolioAnalytics analytics,
                                                         Clock clock) {
        return query -> analytics.metrics(visible(portfolios, query.params().portfolioId(), query.actor()),
                query.params(), clock.instant());
    }

    @Bean
    Function<Query<GetExposure>, ExposureView> getPortfolioExposure(PortfolioReadModel portfolios,
                                                                    PortfolioAnalytics analytics) {
        return query -> analytics.exposure(visible(portfolios, query.params().portfolioId(), query.actor()));
    }

    @Bean
    Consumer<List<byte[]>> projectPortfolios(ProjectionRuntime runtime, PortfolioProjection projection) {
        return runtime.consumer(projection);
    }

    /** The portfolio if the caller may see it; another user's reads as absent. */
    private static PortfolioView visible(PortfolioReadModel portfolios, PortfolioId id, Actor actor) {
        PortfolioView portfolio = portfolios.portfolio(id.value()).orElseThrow(Portfolios::portfolioNotFound);
        actor.requireSelfOrAdmin(portfolio.userId(), "portfolio");
        return portfolio;
    }

    private static UUID caller(Actor actor) {
        if (actor.userId() == null) {
            throw Rejection.unauthenticated("unauthenticated", "a token is required");
        }
        return UUID.fromString(actor.userId());
    }
}
