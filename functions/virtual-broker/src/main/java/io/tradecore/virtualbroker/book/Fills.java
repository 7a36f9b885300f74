package io.tradecore.virtualbroker.book;

import io.tradecore.virtualbroker.domain.Side;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the fills of an account, oldest first. */
public final class Fills {

    /** One fill as the ledger holds it. */
    public record Fill(UUID fillId, UUID orderId, String symbol, Side side, BigDecimal quantity, BigDecimal price,
                       BigDecimal commission, Instant at) {
    }

    private final JdbcClient jdbc;

    public Fills(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Fill> of(UUID accountId, Instant since) {
        return jdbc.sql("""
                        SELECT fill_id, order_id, symbol, side, quantity, price, commission, filled_at FROM vb_fills
                         WHERE account_id = ? AND filled_at >= ? ORDER BY filled_at, fill_id""")
                .params(accountId, Timestamp.from(since))
                .query((rs, row) -> new Fill(rs.getObject("fill_id", UUID.class), rs.getObject("order_id", UUID.class),
                        rs.getString("symbol"), Side.of(rs.getString("side")), rs.getBigDecimal("quantity"),
                        rs.getBigDecimal("price"), rs.getBigDecimal("commission"),
                        rs.getTimestamp("filled_at").toInstant()))
                .list();
    }
}
