package io.tradecore.brokeraccount.policy;

import io.tradecore.brokeraccount.domain.AccountCommand;
import io.tradecore.brokeraccount.domain.AccountCommand.OpenAccount;
import io.tradecore.brokeraccount.domain.AccountId;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;

/**
 * A completed broker connection opens one account per account the broker reported, each by its own command, keyed
 * by the broker's account reference. The account id is derived from connection and reference, so the same account
 * reported again can never open twice. Accounts open only on completion: a connection that failed leaves none.
 */
public final class ConnectedAccounts {

    private ConnectedAccounts() {
    }

    public static Policy<ConnectionEvents> openConnectedAccounts(
            Function<Command<AccountCommand>, CommandResult> accounts, Clock clock) {
        return Policy.on("openConnectedAccounts", ConnectionEvents.VIEW, (event, send) -> {
            switch (event.payload()) {
                case ConnectionEvents.Completed c -> c.accounts().forEach(account ->
                        send.send(account.accountRef(), accounts, new OpenAccount(accountId(c, account),
                                c.userId(), c.broker(), c.connectionId(), name(c, account), account.currency(), false,
                                clock.instant())));
            }
        });
    }

    static AccountId accountId(ConnectionEvents.Completed c, ConnectionEvents.ReportedAccount account) {
        String key = "connection:" + c.connectionId() + ":account:" + account.accountRef();
        return new AccountId(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static String name(ConnectionEvents.Completed c, ConnectionEvents.ReportedAccount account) {
        String name = c.broker() + " " + account.accountRef();
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
