package io.tradecore.datasync.standin;

import io.tradecore.contracts.broker.BrokerException;
import io.tradecore.contracts.broker.ConnectedBrokers;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.Query;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The stand-in query and the test brokers, one {@link FixedHistoryBroker} per connection id. */
@Configuration(proxyBeanMethods = false)
public class StandIns {

    public record AccountById(String accountId) {
    }

    /** The fields of broker_account's answer that data-sync reads. */
    public record Account(String accountId, String userId, String broker, String connectionId, String name,
                          String status) {
    }

    /** Accounts and brokers the tests set up. */
    public static final class World {
        public final Map<String, Account> accounts = new ConcurrentHashMap<>();
        public final Map<String, FixedHistoryBroker> brokers = new ConcurrentHashMap<>();

        public void connected(String accountId, String userId, String connectionId, FixedHistoryBroker broker) {
            accounts.put(accountId, new Account(accountId, userId, "stub", connectionId, "stub PA-" + accountId.substring(0, 8),
                    "open"));
            brokers.put(connectionId, broker);
        }

        public void paper(String accountId, String userId) {
            accounts.put(accountId, new Account(accountId, userId, "virtual", null, "Paper", "open"));
        }
    }

    @Bean
    World world() {
        return new World();
    }

    @Bean
    Function<Query<AccountById>, Account> getAccountById(World world) {
        return query -> {
            Account account = world.accounts.get(query.params().accountId());
            if (account == null) {
                throw Rejection.notFound("account-not-found", "account not found");
            }
            query.actor().requireSelfOrAdmin(account.userId(), "account");
            return account;
        };
    }

    @Bean
    ConnectedBrokers connectedBrokers(World world) {
        return (connectionId, userId) -> {
            FixedHistoryBroker broker = world.brokers.get(connectionId);
            if (broker == null) {
                throw new BrokerException(BrokerException.Code.NOT_FOUND, "no such connection");
            }
            return broker;
        };
    }
}
