package io.tradecore.position.policy;

import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.policy.Policy;
import io.tradecore.position.domain.AccountId;
import io.tradecore.position.domain.PositionCommand;
import io.tradecore.position.domain.PositionCommand.RecordFill;
import io.tradecore.position.domain.Price;
import io.tradecore.position.domain.Quantity;
import io.tradecore.position.domain.Side;
import io.tradecore.position.domain.Symbol;
import io.tradecore.position.foreign.SyncEvents;
import io.tradecore.position.foreign.SyncEvents.FillImported;
import io.tradecore.position.foreign.SyncEvents.ImportedFills;
import java.math.RoundingMode;
import java.util.UUID;
import java.util.function.Function;

/**
 * When the data-sync worker brings in an execution from a connected broker, net it into the account's position, as
 * a fill of the paper broker is netted. The same execution twice (a redelivery, or a second sync) has one effect:
 * the policy runtime's key stops the redelivered event and the position remembers the broker's fill id. Connected
 * accounts never trade through the paper broker, so their fills arrive only this way. Broker prices and quantities
 * finer than TradeCore's scales (4 and 6 decimals) are rounded half-even.
 */
public final class ImportSyncedFills {

    public static final String NAME = "importSyncedFills";

    private ImportSyncedFills() {
    }

    public static Policy<ImportedFills> policy(Function<Command<PositionCommand>, CommandResult> positions) {
        return Policy.on(NAME, SyncEvents.FILLS, (event, send) -> {
            switch (event.payload()) {
                case FillImported fill -> send.send(positions, recordFill(event, fill));
            }
        });
    }

    static PositionCommand recordFill(EventEnvelope<ImportedFills> event, FillImported fill) {
        String owner = fill.userId() != null ? fill.userId() : event.metadata().userId();
        return new RecordFill(AccountId.of(fill.accountId()), owner == null ? null : UUID.fromString(owner),
                new Symbol(fill.symbol()), fill.fillId(), fill.brokerOrderId(), Side.of(fill.side()),
                new Quantity(fill.quantity().setScale(6, RoundingMode.HALF_EVEN)),
                new Price(fill.price().setScale(Price.SCALE, RoundingMode.HALF_EVEN)),
                fill.executedAt() != null ? fill.executedAt() : event.occurredAt());
    }
}
