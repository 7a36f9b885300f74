package io.tradecore.brokeraccount.readmodel;

import io.tradecore.brokeraccount.domain.AccountEvent;
import io.tradecore.kernel.cache.ReadModelCache;
import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.eventstore.ForeignEvents;
import io.tradecore.kernel.projection.Projection;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps {@code accounts}, {@code account_holdings} and {@code account_activities} in step with the account streams,
 * and holdings' last prices with the virtual broker's ticks; drops cached balances once changes commit.
 *
 * <p>It reads two kinds of events, its own and a foreign view, and the kernel ties a projection's event type to its
 * view's root; so it is a projection of {@code Object} and dispatches by type. Events of other types (other broker
 * events on the same topic) are passed over.
 */
public final class AccountProjection implements Projection<Object> {

    private final JdbcClient jdbc;
    private final ReadModelCache cache;
    private final AccountWrites writes;

    public AccountProjection(JdbcClient jdbc, ReadModelCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.writes = new AccountWrites(jdbc);
    }

    public static String cacheKey(String accountId) {
        return "account:" + accountId + ":balance";
    }

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public List<String> tables() {
        return List.of("accounts", "account_holdings", "account_prices", "account_activities");
    }

    @Override
    public Class<Object> eventType() {
        return Object.class;
    }

    /** Its own events natively; the other domains' events only through the view. */
    @Override
    public Class<?> ownEvents() {
        return AccountEvent.class;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ForeignEvents<Object> foreignEvents() {
        return (ForeignEvents<Object>) (ForeignEvents<?>) MarketEvents.VIEW;
    }

    @Override
    public void apply(EventEnvelope<Object> event) {
        if (event.payload() instanceof AccountEvent account) {
            writes.apply(account, event.version(), Timestamp.from(event.occurredAt()));
        } else if (event.payload() instanceof MarketEvents.PriceTicked tick) {
            Timestamp at = Timestamp.from(event.occurredAt());
            jdbc.sql("""
                            INSERT INTO account_prices (symbol, price, at) VALUES (:symbol, :price, :at)
                            ON CONFLICT (symbol) DO UPDATE SET price = excluded.price, at = excluded.at""")
                    .param("symbol", tick.symbol()).param("price", tick.price()).param("at", at).update();
            // Holdings are valued by joining this row at read time. Writing the price into every holding of the
            // symbol made each tick a many-row update that deadlocked with fills settling those holdings in the
            // other consumer's batch, and the tick's stream was parked (seen in the trading benchmark).
        }
    }

    /** Drops the cached balances of changed accounts, and of every account holding a symbol whose price moved. */
    @Override
    public void afterCommit(List<EventEnvelope<Object>> applied) {
        Set<String> keys = new LinkedHashSet<>();
        List<String> symbols = new ArrayList<>();
        for (EventEnvelope<Object> event : applied) {
            if (event.payload() instanceof AccountEvent account) {
                keys.add(cacheKey(account.accountId().toString()));
            } else if (event.payload() instanceof MarketEvents.PriceTicked tick) {
                symbols.add(tick.symbol());
            }
        }
        if (!symbols.isEmpty()) {
            jdbc.sql("SELECT DISTINCT account_id::text FROM account_holdings WHERE symbol IN (:symbols)")
                    .param("symbols", symbols).query(String.class).list().forEach(id -> keys.add(cacheKey(id)));
        }
        cache.evict(keys);
    }
}
