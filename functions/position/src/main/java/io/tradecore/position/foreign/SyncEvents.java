package io.tradecore.position.foreign;

import io.tradecore.kernel.eventstore.ForeignEvents;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * position's own reading of the data-sync worker's events (a tolerant reader): the executions a connected broker
 * reported, under the type names of functions/TRADING.md. Other event types on {@code transport.data_sync} are
 * passed over.
 */
public final class SyncEvents {

    public static final String FILL_IMPORTED = "sync.fill-imported";

    /** Executions brought in from a connected broker. */
    public sealed interface ImportedFills {
    }

    /** One execution at a connected broker; {@code fillId} is the broker's id, {@code executedAt} its time there. */
    public record FillImported(String accountId, String userId, String fillId, String brokerOrderId, String symbol,
                               String side, BigDecimal quantity, BigDecimal price, Instant executedAt)
            implements ImportedFills {
    }

    public static final ForeignEvents<ImportedFills> FILLS =
            ForeignEvents.of(ImportedFills.class).on(FILL_IMPORTED, FillImported.class).build();

    private SyncEvents() {
    }
}
