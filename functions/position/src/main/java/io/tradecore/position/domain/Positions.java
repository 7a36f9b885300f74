package io.tradecore.position.domain;

import io.tradecore.kernel.domain.Aggregate;
import io.tradecore.kernel.domain.Decider;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.position.domain.PositionCommand.RecordFill;
import io.tradecore.position.domain.PositionEvent.PositionClosed;
import io.tradecore.position.domain.PositionEvent.PositionIncreased;
import io.tradecore.position.domain.PositionEvent.PositionOpened;
import io.tradecore.position.domain.PositionEvent.PositionReduced;
import io.tradecore.position.domain.PositionState.Flat;
import io.tradecore.position.domain.PositionState.Open;
import java.util.List;

/**
 * The position decider: nets fills into one position per account and symbol. A fill on the position's side
 * increases it at a cost-weighted average entry; a fill against it reduces it (realizing P&L on the part taken off,
 * the average entry unchanged), closes it at exactly zero, or closes it and opens the other side with the rest at
 * the fill price. Commissions are not part of position P&L (they are fees in the account ledger).
 */
public final class Positions {

    public static final String DOMAIN = "position";

    public static final EventTypes<PositionEvent> EVENTS = EventTypes.of(DOMAIN, PositionEvent.class)
            .add(PositionOpened.class, "position.opened", 1)
            .add(PositionIncreased.class, "position.increased", 1)
            .add(PositionReduced.class, "position.reduced", 1)
            .add(PositionClosed.class, "position.closed", 1)
            .build();

    public static final Decider<PositionCommand, PositionState, PositionEvent> DECIDER =
            new Decider<>(Positions::decide, Positions::evolve, new Flat(List.of()));

    public static final Aggregate<PositionCommand, PositionState, PositionEvent> AGGREGATE =
            Aggregate.of(DECIDER, EVENTS, PositionState.class).snapshotEvery(100, 1);

    private Positions() {
    }

    public static String streamId(AccountId accountId, Symbol symbol) {
        return "position-" + accountId + "-" + symbol;
    }

    static List<PositionEvent> decide(PositionCommand command, PositionState state) {
        return switch (command) {
            case RecordFill fill -> state.hasApplied(fill.fillId()) ? List.of() : switch (state) {
                case Flat flat -> List.of(opened(fill, fill.quantity()));
                case Open open -> net(fill, open);
            };
        };
    }

    private static List<PositionEvent> net(RecordFill fill, Open open) {
        if (open.side().growsWith(fill.side())) {
            Quantity total = open.quantity().plus(fill.quantity());
            return List.of(new PositionIncreased(fill.accountId(), fill.userId(), fill.symbol(), fill.fillId(),
                    fill.quantity(), fill.price(), total,
                    open.averageEntryPrice().with(open.quantity(), fill.quantity(), fill.price()), fill.at()));
        }
        int against = fill.quantity().compareTo(open.quantity());
        if (against < 0) {
            return List.of(new PositionReduced(fill.accountId(), fill.userId(), fill.symbol(), fill.fillId(),
                    fill.quantity(), fill.price(), realized(open, fill.quantity(), fill.price()),
                    open.quantity().minus(fill.quantity()), fill.at()));
        }
        PositionClosed closed = closed(fill, open);
        return against == 0 ? List.of(closed) : List.of(closed, opened(fill, fill.quantity().minus(open.quantity())));
    }

    private static PositionOpened opened(RecordFill fill, Quantity quantity) {
        return new PositionOpened(fill.accountId(), fill.userId(), fill.symbol(), fill.side().opens(), quantity,
                AveragePrice.of(fill.price()), fill.fillId(), fill.at());
    }

    private static PositionClosed closed(RecordFill fill, Open open) {
        Money realized = realized(open, open.quantity(), fill.price());
        return new PositionClosed(fill.accountId(), fill.userId(), fill.symbol(), open.side(), fill.fillId(),
                open.quantity(), fill.price(), realized, open.realizedPnl().plus(realized), open.openedAt(), fill.at());
    }

    private static Money realized(Open open, Quantity quantity, Price exit) {
        return new Money(open.side().pnl(open.averageEntryPrice().value(), exit.value(), quantity.value()));
    }

    static PositionState evolve(PositionState state, PositionEvent event) {
        return switch (event) {
            case PositionOpened e -> new Open(e.side(), e.quantity(), e.averageEntryPrice(), Money.ZERO, e.at(),
                    PositionState.remember(state.recentFills(), e.fillId()));
            case PositionIncreased e -> open(state).resized(e.newQuantity(), e.averageEntryPrice(),
                    open(state).realizedPnl(), e.fillId());
            case PositionReduced e -> open(state).resized(e.newQuantity(), open(state).averageEntryPrice(),
                    open(state).realizedPnl().plus(e.realizedPnl()), e.fillId());
            case PositionClosed e -> new Flat(PositionState.remember(state.recentFills(), e.fillId()));
        };
    }

    private static Open open(PositionState state) {
        return switch (state) {
            case Open open -> open;
            case Flat flat -> throw new IllegalStateException("a flat position cannot be increased or reduced");
        };
    }
}
