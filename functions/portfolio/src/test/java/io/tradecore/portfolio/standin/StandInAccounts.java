package io.tradecore.portfolio.standin;


import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.Query;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A stand-in for broker_account's {@code getAccountById}, with its route and access rule as TRADING.md states them
 * (404 when absent or not the caller's), answering from a map the tests fill.
 */
@Configuration(proxyBeanMethods = false)
public class StandInAccounts {

    /** The fields TRADING.md says {@code getAccountById} answers (a subset). */
    public record Account(String accountId, String userId, String broker, String status, String currency,
                          BigDecimal cash) {
    }

    public record AccountById(String accountId) {
    }

    /** The accounts the stand-in knows. */
    public static final class Registry {
        private final Map<String, Account> accounts = new ConcurrentHashMap<>();

        public void open(String accountId, String userId) {
            accounts.put(accountId, new Account(accountId, userId, "virtual", "open", "USD", BigDecimal.ZERO));
        }

        Optional<Account> find(String accountId) {
            return Optional.ofNullable(accounts.get(accountId));
        }
    }

    @Bean
    Registry standInAccountRegistry() {
        return new Registry();
    }

    @Bean
    Function<Query<AccountById>, Account> getAccountById(Registry registry) {
        return query -> {
            Account account = registry.find(query.params().accountId())
                    .orElseThrow(() -> Rejection.notFound("account-not-found", "account not found"));
            query.actor().requireSelfOrAdmin(account.userId(), "account");
            return account;
        };
    }
}
