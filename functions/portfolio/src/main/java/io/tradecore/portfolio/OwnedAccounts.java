package io.tradecore.portfolio;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.gateway.QueryBus;
import io.tradecore.portfolio.domain.AccountId;
import java.util.Map;
import java.util.Objects;

/**
 * Checks, before anything is written, that an account is the caller's: broker_account's {@code getAccountById}
 * through the {@link QueryBus}. Another user's account reads as absent (404 {@code account-not-found}), so ids
 * cannot be probed.
 */
final class OwnedAccounts {

    /** What portfolio reads of {@code getAccountById}'s answer. */
    record AccountOwner(String accountId, String userId) {
    }

    private final QueryBus queries;

    OwnedAccounts(QueryBus queries) {
        this.queries = queries;
    }

    void require(AccountId accountId, Actor caller) {
        queries.find("getAccountById", Map.of("accountId", accountId.toString()), caller, AccountOwner.class)
                .filter(found -> caller.isSystem() || Objects.equals(found.userId(), caller.userId()))
                .orElseThrow(() -> Rejection.notFound("account-not-found", "account " + accountId + " not found"));
    }
}
