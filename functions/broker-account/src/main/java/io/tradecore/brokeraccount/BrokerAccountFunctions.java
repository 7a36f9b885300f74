package io.tradecore.brokeraccount;

import io.tradecore.brokeraccount.api.AccountList;
import io.tradecore.brokeraccount.api.AccountQueries.GetAccountById;
import io.tradecore.brokeraccount.api.AccountQueries.ListAccountActivities;
import io.tradecore.brokeraccount.api.AccountQueries.ListAccounts;
import io.tradecore.brokeraccount.api.AccountRequests.OpenAccountRequest;
import io.tradecore.brokeraccount.api.AccountRequests.TransferRequest;
import io.tradecore.brokeraccount.api.AccountView;
import io.tradecore.brokeraccount.api.ActivityPage;
import io.tradecore.brokeraccount.domain.AccountCommand;
import io.tradecore.brokeraccount.domain.AccountCommand.DepositFunds;
import io.tradecore.brokeraccount.domain.AccountCommand.OpenAccount;
import io.tradecore.brokeraccount.domain.AccountCommand.WithdrawFunds;
import io.tradecore.brokeraccount.domain.AccountEvent;
import io.tradecore.brokeraccount.domain.AccountId;
import io.tradecore.brokeraccount.domain.AccountState;
import io.tradecore.brokeraccount.domain.Accounts;
import io.tradecore.brokeraccount.policy.AccountPolicies;
import io.tradecore.brokeraccount.policy.ConnectedAccounts;
import io.tradecore.brokeraccount.policy.SyncedBalances;
import io.tradecore.brokeraccount.readmodel.AccountProjection;
import io.tradecore.brokeraccount.readmodel.AccountReadModel;
import io.tradecore.kernel.cache.ReadModelCache;
import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.command.CommandHandler;
import io.tradecore.kernel.config.KernelConfiguration;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.kernel.domain.Ids;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.ConsistencyToken;
import io.tradecore.kernel.function.Query;
import io.tradecore.kernel.policy.PolicyRuntime;
import io.tradecore.kernel.projection.ProjectionRuntime;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * broker_account's function beans; each hands its work to the kernel. Routes and topics:
 * {@link BrokerAccountCatalog}.
 */
@AutoConfiguration(after = KernelConfiguration.class)
@EnableConfigurationProperties(BrokerAccountProperties.class)
public class BrokerAccountFunctions {

    @Bean
    EventTypes<AccountEvent> accountEvents() {
        return Accounts.EVENTS;
    }

    @Bean
    AccountReadModel accountReadModel(JdbcClient jdbc) {
        return new AccountReadModel(jdbc);
    }

    @Bean
    AccountProjection accountProjection(JdbcClient jdbc, ReadModelCache cache) {
        return new AccountProjection(jdbc, cache);
    }

    /** Every account command; people may act only on their own accounts, policies (the system) on any. */
    @Bean
    CommandHandler<AccountCommand, AccountState, AccountEvent> accountCommands(Aggregates aggregates) {
        return aggregates.handler(Accounts.AGGREGATE, command -> command.accountId().streamId())
                .authorizedBy((command, account) -> {
                    switch (account.state()) {
                        case AccountState.Open open -> command.actor().requireSelfOrAdmin(open.userId(), "account");
                        case AccountState.Unopened unopened -> {
                            if (!(command.body() instanceof OpenAccount)) {
                                throw Accounts.accountNotFound();
                            }
                        }
                    }
                });
    }

    @Bean
    Function<Command<OpenAccountRequest>, CommandResult> openAccount(
            CommandHandler<AccountCommand, AccountState, AccountEvent> accounts, Ids ids, Clock clock) {
        return command -> accounts.apply(command.map(r -> new OpenAccount(new AccountId(ids.next()),
                command.actor().userId(), Accounts.PAPER_BROKER, null, r.name(), r.currency(), r.allowShorting(),
                clock.instant())));
    }

    @Bean
    Function<Command<TransferRequest>, CommandResult> depositFunds(
            CommandHandler<AccountCommand, AccountState, AccountEvent> accounts, Ids ids, Clock clock) {
        return command -> accounts.apply(command.map(r -> new DepositFunds(r.accountId(), ids.next(), r.money(),
                clock.instant())));
    }

    @Bean
    Function<Command<TransferRequest>, CommandResult> withdrawFunds(
            CommandHandler<AccountCommand, AccountState, AccountEvent> accounts, Ids ids, Clock clock) {
        return command -> accounts.apply(command.map(r -> new WithdrawFunds(r.accountId(), ids.next(), r.money(),
                clock.instant())));
    }

    /** Cache-aside; a cached balance older than the caller's consistency token is read again. */
    @Bean
    Function<Query<GetAccountById>, AccountView> getAccountById(AccountReadModel accounts, ReadModelCache cache) {
        return query -> {
            AccountId id = query.params().accountId();
            String token = query.context().consistencyToken();
            ConsistencyToken seen = token == null ? null : ConsistencyToken.parse(token);
            long atLeast = seen != null && seen.streamId().equals(id.streamId()) ? seen.version() : 0;
            AccountView account = cache.getOrLoad(AccountProjection.cacheKey(id.toString()), AccountView.class,
                    cached -> cached.version() >= atLeast,
                    () -> accounts.byId(id.value()).orElseThrow(Accounts::accountNotFound));
            query.actor().requireSelfOrAdmin(account.userId(), "account");
            return account;
        };
    }

    @Bean
    Function<Query<ListAccounts>, AccountList> listAccounts(AccountReadModel accounts) {
        return query -> new AccountList(query.actor().userId() == null ? List.of()
                : accounts.byUser(query.actor().userId()));
    }

    @Bean
    Function<Query<ListAccountActivities>, ActivityPage> listAccountActivities(AccountReadModel accounts) {
        return query -> {
            var params = query.params();
            String owner = accounts.ownerOf(params.accountId().value()).orElseThrow(Accounts::accountNotFound);
            query.actor().requireSelfOrAdmin(owner, "account");
            return accounts.activities(params.accountId().value(), params.page(), params.size());
        };
    }

    @Bean
    Consumer<List<byte[]>> reserveOrderFunds(PolicyRuntime runtime,
                                             CommandHandler<AccountCommand, AccountState, AccountEvent> accounts,
                                             BrokerAccountProperties properties, Clock clock) {
        return runtime.consumer(AccountPolicies.reserveOrderFunds(accounts, properties::reservationRules, clock));
    }

    @Bean
    Consumer<List<byte[]>> settleExecutions(PolicyRuntime runtime,
                                            CommandHandler<AccountCommand, AccountState, AccountEvent> accounts,
                                            Clock clock) {
        return runtime.consumer(AccountPolicies.settleExecutions(accounts, clock));
    }

    @Bean
    Consumer<List<byte[]>> openConnectedAccounts(PolicyRuntime runtime,
                                                 CommandHandler<AccountCommand, AccountState, AccountEvent> accounts,
                                                 Clock clock) {
        return runtime.consumer(ConnectedAccounts.openConnectedAccounts(accounts, clock));
    }

    /** A connected account's balances, as the data-sync worker observed them at its broker. */
    @Bean
    Consumer<List<byte[]>> importSyncedBalances(PolicyRuntime runtime,
                                                CommandHandler<AccountCommand, AccountState, AccountEvent> accounts,
                                                Clock clock) {
        return runtime.consumer(SyncedBalances.importSyncedBalances(accounts, clock));
    }

    @Bean
    Consumer<List<byte[]>> projectAccounts(ProjectionRuntime runtime, AccountProjection projection) {
        return runtime.consumer(projection);
    }
}
