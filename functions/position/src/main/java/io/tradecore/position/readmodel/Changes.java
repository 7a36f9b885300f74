package io.tradecore.position.readmodel;

import io.tradecore.position.domain.PositionEvent;
import io.tradecore.position.domain.PositionEvent.PositionClosed;
import io.tradecore.position.domain.PositionEvent.PositionIncreased;
import io.tradecore.position.domain.PositionEvent.PositionOpened;
import io.tradecore.position.domain.PositionEvent.PositionReduced;
import java.sql.Timestamp;
import java.util.Map;

/** The SQL parameters each position event brings beside account, symbol, owner, time and version. */
final class Changes {

    private Changes() {
    }

    static Map<String, Object> of(PositionEvent change) {
        return switch (change) {
            case PositionOpened e -> Map.of("side", e.side().toString(), "quantity", e.quantity().value(),
                    "average", e.averageEntryPrice().value());
            case PositionIncreased e -> Map.of("quantity", e.newQuantity().value(),
                    "average", e.averageEntryPrice().value());
            case PositionReduced e -> Map.of("quantity", e.newQuantity().value(), "realized", e.realizedPnl().value());
            case PositionClosed e -> Map.of("side", e.side().toString(), "price", e.price().value(),
                    "realized", e.totalRealizedPnl().value(), "openedAt", Timestamp.from(e.openedAt()));
        };
    }
}
