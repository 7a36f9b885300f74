package io.tradecore.contracts.standin;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.Query;
import io.tradecore.contracts.standin.StandInMarket.Account;
import io.tradecore.contracts.standin.StandInMarket.Instrument;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stand-ins for broker_account's {@code getAccountById} and virtual_broker's {@code getInstrument}, with their
 * routes and access rules as TRADING.md states them: 404 when absent or, for accounts, not the caller's.
 */
@Configuration(proxyBeanMethods = false)
public class StandInQueries {

    public record AccountById(String accountId) {
    }

    public record InstrumentBySymbol(String symbol) {
    }

    @Bean
    StandInMarket standInMarket() {
        return new StandInMarket();
    }

    @Bean
    Function<Query<AccountById>, Account> getAccountById(StandInMarket market) {
        return query -> {
            Account account = market.account(query.params().accountId())
                    .orElseThrow(() -> Rejection.notFound("account-not-found", "account not found"));
            query.actor().requireSelfOrAdmin(account.userId(), "account");
            return account;
        };
    }

    @Bean
    Function<Query<InstrumentBySymbol>, Instrument> getInstrument(StandInMarket market) {
        return query -> market.instrument(query.params().symbol())
                .orElseThrow(() -> Rejection.notFound("instrument-not-found", "no such instrument"));
    }
}
