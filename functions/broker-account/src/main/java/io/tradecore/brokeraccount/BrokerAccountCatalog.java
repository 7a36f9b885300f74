package io.tradecore.brokeraccount;

import static io.tradecore.kernel.catalog.CatalogEntry.command;
import static io.tradecore.kernel.catalog.CatalogEntry.policy;
import static io.tradecore.kernel.catalog.CatalogEntry.projector;
import static io.tradecore.kernel.catalog.CatalogEntry.query;

import io.tradecore.brokeraccount.domain.Accounts;
import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.CatalogModule;
import java.util.List;

/** broker_account's functions and their triggers. */
public final class BrokerAccountCatalog implements CatalogModule {

    private static final String ACCOUNTS = "accounts";

    @Override
    public String domain() {
        return Accounts.DOMAIN;
    }

    @Override
    public List<CatalogEntry> functions() {
        return List.of(
                command("openAccount", "POST", "/api/accounts/open"),
                command("depositFunds", "POST", "/api/accounts/{accountId}/deposit"),
                command("withdrawFunds", "POST", "/api/accounts/{accountId}/withdraw"),
                query("getAccountById", "/api/accounts/{accountId}", ACCOUNTS),
                query("listAccounts", "/api/accounts", ACCOUNTS),
                query("listAccountActivities", "/api/accounts/{accountId}/activities", ACCOUNTS),
                policy("reserveOrderFunds", "transport.order"),
                policy("settleExecutions", "transport.virtual_broker"),
                policy("openConnectedAccounts", "transport.broker_connection"),
                policy("importSyncedBalances", "transport.data_sync"),
                projector("projectAccounts", "transport." + Accounts.DOMAIN, "transport.virtual_broker"));
    }
}
