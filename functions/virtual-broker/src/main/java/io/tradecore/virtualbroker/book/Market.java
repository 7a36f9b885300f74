package io.tradecore.virtualbroker.book;

import io.tradecore.virtualbroker.api.InstrumentView;
import io.tradecore.virtualbroker.domain.FeedEvent.PriceTicked;
import io.tradecore.virtualbroker.domain.Symbol;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The instruments and their last prices. */
public final class Market {

    /** A symbol's newest tick. */
    public record LastPrice(BigDecimal price, long sequence, Instant at) {
    }

    /** An instrument's seed price, where a simulated walk starts when no tick has come yet. */
    public record Reference(Symbol symbol, BigDecimal price) {
    }

    private static final String VIEW = """
            SELECT i.symbol, i.name, p.price, p.ticked_at
              FROM instruments i LEFT JOIN vb_last_prices p ON p.symbol = i.symbol""";

    private final JdbcClient jdbc;

    public Market(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<InstrumentView> instrument(Symbol symbol) {
        return jdbc.sql(VIEW + " WHERE i.symbol = ?").param(symbol.value()).query(Market::view).optional();
    }

    public List<InstrumentView> instruments() {
        return jdbc.sql(VIEW + " ORDER BY i.symbol").query(Market::view).list();
    }

    public boolean lists(Symbol symbol) {
        return jdbc.sql("SELECT count(*) FROM instruments WHERE symbol = ?").param(symbol.value())
                .query(Long.class).single() > 0;
    }

    public Optional<LastPrice> lastPrice(Symbol symbol) {
        return jdbc.sql("SELECT price, sequence, ticked_at FROM vb_last_prices WHERE symbol = ?").param(symbol.value())
                .query((rs, row) -> new LastPrice(rs.getBigDecimal("price"), rs.getLong("sequence"),
                        rs.getTimestamp("ticked_at").toInstant()))
                .optional();
    }

    /** The prices a walk starts from: the last tick where there is one, else the reference price. */
    public List<Reference> startingPrices() {
        return jdbc.sql("""
                        SELECT i.symbol, coalesce(p.price, i.reference_price) AS price
                          FROM instruments i LEFT JOIN vb_last_prices p ON p.symbol = i.symbol ORDER BY i.symbol""")
                .query((rs, row) -> new Reference(new Symbol(rs.getString("symbol")), rs.getBigDecimal("price")))
                .list();
    }

    /** Keeps the newest tick; an older one arriving late does not overwrite it. */
    public void recordTick(PriceTicked tick) {
        jdbc.sql("""
                        INSERT INTO vb_last_prices (symbol, price, sequence, ticked_at) VALUES (:symbol, :price, :sequence, :at)
                        ON CONFLICT (symbol) DO UPDATE SET price = EXCLUDED.price, sequence = EXCLUDED.sequence,
                                                           ticked_at = EXCLUDED.ticked_at
                         WHERE vb_last_prices.sequence < EXCLUDED.sequence""")
                .param("symbol", tick.symbol().value()).param("price", tick.price()).param("sequence", tick.sequence())
                .param("at", Timestamp.from(tick.at())).update();
    }

    private static InstrumentView view(ResultSet rs, int row) throws SQLException {
        Timestamp at = rs.getTimestamp("ticked_at");
        return new InstrumentView(rs.getString("symbol"), rs.getString("name"), rs.getBigDecimal("price"),
                at == null ? null : at.toInstant());
    }
}
