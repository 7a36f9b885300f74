package io.tradecore.position.readmodel;

import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.eventstore.ForeignEvents;
import io.tradecore.kernel.projection.Projection;
import io.tradecore.position.domain.PositionEvent;
import io.tradecore.position.domain.PositionEvent.PositionClosed;
import io.tradecore.position.domain.PositionEvent.PositionIncreased;
import io.tradecore.position.domain.PositionEvent.PositionOpened;
import io.tradecore.position.domain.PositionEvent.PositionReduced;
import io.tradecore.position.foreign.VirtualBrokerEvents;
import io.tradecore.position.foreign.VirtualBrokerEvents.PriceTicked;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps {@code positions}, {@code closed_positions} and {@code position_prices} in step with the position streams
 * and the virtual broker's price ticks. It reads two kinds of events (its own, and ticks through its view), so its
 * event type is {@code Object}: the kernel's {@link Projection} has one type parameter and no way to join a module's
 * own sealed events with a foreign view's.
 */
public final class PositionProjection implements Projection<Object> {

    public static final String NAME = "positions";

    private final JdbcClient jdbc;

    public PositionProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("positions", "closed_positions", "position_prices");
    }

    @Override
    public Class<Object> eventType() {
        return Object.class;
    }

    /** Its own events natively; the other domains' events only through the view. */
    @Override
    public Class<?> ownEvents() {
        return PositionEvent.class;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ForeignEvents<Object> foreignEvents() {
        return (ForeignEvents<Object>) (ForeignEvents<?>) VirtualBrokerEvents.PRICES;
    }

    /** Other events on the virtual broker's topic (orders, fills) arrive as {@code Unread} and are passed over. */
    @Override
    public void apply(EventEnvelope<Object> event) {
        if (event.payload() instanceof PositionEvent change) {
            apply(change, event.version());
        } else if (event.payload() instanceof PriceTicked tick) {
            jdbc.sql("""
                            INSERT INTO position_prices (symbol, last_price, sequence, updated_at)
                            VALUES (:symbol, :price, :sequence, :at)
                            ON CONFLICT (symbol) DO UPDATE
                               SET last_price = EXCLUDED.last_price, sequence = EXCLUDED.sequence,
                                   updated_at = EXCLUDED.updated_at
                             WHERE position_prices.sequence < EXCLUDED.sequence""")
                    .param("symbol", tick.symbol().toUpperCase(Locale.ROOT)).param("price", tick.price())
                    .param("sequence", tick.sequence())
                    .param("at", Timestamp.from(tick.at() != null ? tick.at() : event.occurredAt())).update();
        }
    }

    private void apply(PositionEvent change, long version) {
        var row = jdbc.sql(switch (change) {
            case PositionOpened e -> """
                    INSERT INTO positions (account_id, symbol, user_id, side, quantity, max_quantity,
                                           average_entry_price, cost_basis, realized_pnl, opened_at, updated_at, version)
                    VALUES (:account, :symbol, :user, :side, :quantity, :quantity, :average, :quantity * :average, 0,
                            :at, :at, :version)
                    ON CONFLICT (account_id, symbol) DO UPDATE
                       SET user_id = EXCLUDED.user_id, side = EXCLUDED.side, quantity = EXCLUDED.quantity,
                           max_quantity = EXCLUDED.max_quantity, average_entry_price = EXCLUDED.average_entry_price,
                           cost_basis = EXCLUDED.cost_basis, realized_pnl = 0, opened_at = EXCLUDED.opened_at,
                           updated_at = EXCLUDED.updated_at, version = EXCLUDED.version""";
            case PositionIncreased e -> """
                    UPDATE positions SET quantity = :quantity, max_quantity = GREATEST(max_quantity, :quantity),
                                         average_entry_price = :average, cost_basis = :quantity * :average,
                                         updated_at = :at, version = :version
                     WHERE account_id = :account AND symbol = :symbol""";
            case PositionReduced e -> """
                    UPDATE positions SET quantity = :quantity, cost_basis = :quantity * average_entry_price,
                                         realized_pnl = realized_pnl + :realized, updated_at = :at, version = :version
                     WHERE account_id = :account AND symbol = :symbol""";
            case PositionClosed e -> """
                    WITH closed AS (DELETE FROM positions WHERE account_id = :account AND symbol = :symbol
                                    RETURNING user_id, max_quantity, average_entry_price)
                    INSERT INTO closed_positions (account_id, symbol, closed_version, user_id, side, max_quantity,
                                                  average_entry_price, exit_price, realized_pnl, opened_at, closed_at)
                    SELECT :account, :symbol, :version, user_id, :side, max_quantity, average_entry_price, :price,
                           :realized, :openedAt, :at FROM closed
                    ON CONFLICT DO NOTHING""";
        });
        Changes.of(change).forEach(row::param);
        row.param("account", change.accountId().value()).param("symbol", change.symbol().value())
                .param("user", change.userId()).param("at", Timestamp.from(change.at())).param("version", version)
                .update();
    }
}
