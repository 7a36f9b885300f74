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
import io.tradecore.position.foreign.VirtualBrokerEvents;
import io.tradecore.position.foreign.VirtualBrokerEvents.Fills;
import io.tradecore.position.foreign.VirtualBrokerEvents.OrderFilled;
import java.util.UUID;
import java.util.function.Function;

/**
 * When the virtual broker fills an order, net the fill into the account's position in the symbol. A redelivered
 * event is stopped by the policy runtime's idempotency key; the same fill under another event id by the fill ids
 * the position remembers.
 */
public final class RecordPositionFills {

    public static final String NAME = "recordPositionFills";

    private RecordPositionFills() {
    }

    public static Policy<Fills> policy(Function<Command<PositionCommand>, CommandResult> positions) {
        return Policy.on(NAME, VirtualBrokerEvents.FILLS, (event, send) -> {
            switch (event.payload()) {
                case OrderFilled fill -> send.send(positions, recordFill(event, fill));
            }
        }).inBatches();
    }

    static PositionCommand recordFill(EventEnvelope<Fills> event, OrderFilled fill) {
        String owner = fill.userId() != null ? fill.userId() : event.metadata().userId();
        return new RecordFill(AccountId.of(fill.accountId()), owner == null ? null : UUID.fromString(owner),
                new Symbol(fill.symbol()), fill.fillId(), fill.orderId(), Side.of(fill.side()),
                new Quantity(fill.quantity()), new Price(fill.price()), fill.at() != null ? fill.at() : event.occurredAt());
    }
}
