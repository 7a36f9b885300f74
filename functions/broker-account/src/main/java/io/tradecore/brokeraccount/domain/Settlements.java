package io.tradecore.brokeraccount.domain;

import io.tradecore.brokeraccount.domain.AccountCommand.SettleFill;
import io.tradecore.brokeraccount.domain.AccountEvent.FillSettled;
import io.tradecore.brokeraccount.domain.AccountEvent.ReservationReleased;
import io.tradecore.brokeraccount.domain.AccountState.Open;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills and the end of orders. A fill is a fact: it settles even without a reservation (cash may then go below
 * what was reserved), takes from its order's reservation what it used, and when it ends the order, the rest of the
 * reservation is released with it.
 */
final class Settlements {

    private Settlements() {
    }

    static List<AccountEvent> settle(Open account, SettleFill command) {
        Fill fill = command.fill();
        Reservation reservation = account.reservations().get(fill.orderId());
        Reservation.Usage used = reservation == null ? Reservation.Usage.NONE : reservation.usageFor(fill.quantity());
        Money change = fill.cashChange();
        FillSettled settled = new FillSettled(account.id(), account.userId(), fill.orderId(), fill.fillId(),
                fill.symbol(), fill.side(), fill.quantity(), fill.price(), fill.commission(), change,
                account.cash().plus(change), used.cash(), used.quantity(), command.at());
        List<AccountEvent> events = new ArrayList<>(2);
        events.add(settled);
        if (fill.endsOrder()) {
            events.addAll(release(evolve(account, settled), fill.orderId(), command.at()));
        }
        return events;
    }

    /** Frees what {@code orderId} still holds back; nothing when it holds nothing. */
    static List<AccountEvent> release(Open account, String orderId, Instant at) {
        Reservation reservation = account.reservations().get(orderId);
        return reservation == null ? List.of()
                : List.of(new ReservationReleased(account.id(), account.userId(), orderId, reservation.cash(),
                        reservation.quantity(), at));
    }

    static Open evolve(Open account, FillSettled e) {
        Open changed = account.withCash(e.cash())
                .withHolding(e.symbol(), e.side() == Side.buy ? e.quantity() : e.quantity().negate());
        Reservation reservation = account.reservations().get(e.orderId());
        return reservation == null ? changed : changed.withReservation(e.orderId(),
                reservation.after(e.quantity(), new Reservation.Usage(e.reservedCashUsed(), e.reservedQuantityUsed())));
    }
}
