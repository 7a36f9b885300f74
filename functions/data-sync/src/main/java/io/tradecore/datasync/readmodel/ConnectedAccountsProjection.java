package io.tradecore.datasync.readmodel;

import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.eventstore.ForeignEvents;
import io.tradecore.kernel.projection.Projection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps {@code sync_connected_accounts}, the accounts the scheduled sync visits, from broker_account's
 * {@code account.opened} (read with data-sync's own record): accounts of a real broker only. Whether an account is
 * still open is asked again when its sync runs.
 */
public final class ConnectedAccountsProjection implements Projection<ConnectedAccountsProjection.AccountEvents> {

    public static final String NAME = "syncConnectedAccounts";
    public static final String VIRTUAL = "virtual";

    /** broker_account's events as data-sync reads them. */
    public sealed interface AccountEvents {
    }

    public record AccountOpened(String accountId, String userId, String broker, String connectionId, Instant at)
            implements AccountEvents {
    }

    public static final ForeignEvents<AccountEvents> VIEW =
            ForeignEvents.of(AccountEvents.class).on("account.opened", AccountOpened.class).build();

    private final JdbcClient jdbc;

    public ConnectedAccountsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("sync_connected_accounts");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AccountEvents> eventType() {
        return AccountEvents.class;
    }

    @Override
    public ForeignEvents<AccountEvents> foreignEvents() {
        return VIEW;
    }

    @Override
    public void apply(EventEnvelope<AccountEvents> event) {
        if (event.payload() instanceof AccountOpened opened && opened.connectionId() != null
                && !VIRTUAL.equals(opened.broker())) {
            jdbc.sql("""
                            INSERT INTO sync_connected_accounts (account_id, user_id, broker, opened_at)
                            VALUES (:account, :user, :broker, :at) ON CONFLICT DO NOTHING""")
                    .param("account", UUID.fromString(opened.accountId())).param("user", opened.userId())
                    .param("broker", opened.broker())
                    .param("at", Timestamp.from(opened.at() != null ? opened.at() : event.occurredAt())).update();
        }
    }
}
