package io.tradecore.virtualbroker.domain;

import io.tradecore.kernel.domain.Aggregate;
import io.tradecore.kernel.domain.Decider;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.virtualbroker.domain.FeedEvent.PriceTicked;
import java.util.List;

/**
 * A symbol's price feed, stream {@code vb-symbol-{SYMBOL}}: every tick is appended with the next sequence number, so
 * orders can tell a tick they have seen from a new one.
 */
public final class PriceFeed {

    public static final EventTypes<FeedEvent> EVENTS = EventTypes.of(BrokerOrders.DOMAIN, FeedEvent.class)
            .add(PriceTicked.class, "virtual-broker.price-ticked", 1)
            .build();

    public static final Decider<RecordTick, FeedState, FeedEvent> DECIDER =
            new Decider<>(PriceFeed::decide, PriceFeed::evolve, new FeedState(0));

    public static final Aggregate<RecordTick, FeedState, FeedEvent> AGGREGATE =
            Aggregate.of(DECIDER, EVENTS, FeedState.class).snapshotEvery(200, 1);

    private PriceFeed() {
    }

    public static String streamId(Symbol symbol) {
        return "vb-symbol-" + symbol.value();
    }

    /** The ticks so far. */
    public record FeedState(long sequence) {
    }

    static List<FeedEvent> decide(RecordTick tick, FeedState state) {
        return List.of(new PriceTicked(tick.symbol(), tick.price(), state.sequence() + 1, tick.at()));
    }

    static FeedState evolve(FeedState state, FeedEvent event) {
        return switch (event) {
            case PriceTicked e -> new FeedState(e.sequence());
        };
    }
}
