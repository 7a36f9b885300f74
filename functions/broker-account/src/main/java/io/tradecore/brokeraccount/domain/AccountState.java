package io.tradecore.brokeraccount.domain;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** One record per lifecycle state: nothing but opening can happen to an account that is not open. */
public sealed interface AccountState {

    record Unopened() implements AccountState {
    }

    /**
     * An open account: its cash, the reservations of its working orders by order id, its holdings by symbol
     * (negative only for a short, which {@code allowShorting} permits), and, for a connected account, the balances
     * its broker last reported to a sync ({@code synced}, null until then).
     */
    record Open(AccountId id, String userId, String broker, String currency, boolean allowShorting, Money cash,
                Map<String, Reservation> reservations, Map<String, BigDecimal> holdings, SyncedBalance synced)
            implements AccountState {

        public Open {
            reservations = Map.copyOf(reservations);
            holdings = Map.copyOf(holdings);
        }

        public Money reservedCash() {
            return reservations.values().stream().map(Reservation::cash).reduce(Money.ZERO, Money::plus);
        }

        /** Cash not held back by working orders: what a new order or a withdrawal may use. */
        public Money buyingPower() {
            return cash.minus(reservedCash());
        }

        public BigDecimal holding(Symbol symbol) {
            return holdings.getOrDefault(symbol.value(), BigDecimal.ZERO);
        }

        /** Held shares of {@code symbol} not yet promised to working sells. */
        public BigDecimal sellable(Symbol symbol) {
            BigDecimal promised = reservations.values().stream()
                    .filter(r -> r.side() == Side.sell && r.symbol().equals(symbol))
                    .map(Reservation::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            return holding(symbol).subtract(promised).max(BigDecimal.ZERO);
        }

        Open withCash(Money changed) {
            return new Open(id, userId, broker, currency, allowShorting, changed, reservations, holdings, synced);
        }

        Open withReservation(String orderId, Reservation reservation) {
            Map<String, Reservation> changed = new HashMap<>(reservations);
            if (reservation == null || reservation.spent()) {
                changed.remove(orderId);
            } else {
                changed.put(orderId, reservation);
            }
            return new Open(id, userId, broker, currency, allowShorting, cash, changed, holdings, synced);
        }

        Open withoutReservation(String orderId) {
            Map<String, Reservation> changed = new HashMap<>(reservations);
            changed.remove(orderId);
            return new Open(id, userId, broker, currency, allowShorting, cash, changed, holdings, synced);
        }

        Open withSynced(SyncedBalance balance) {
            return new Open(id, userId, broker, currency, allowShorting, cash, reservations, holdings, balance);
        }

        /** Not a bean getter, so snapshots hold only the components. */
        boolean paper() {
            return Accounts.PAPER_BROKER.equals(broker);
        }

        Open withHolding(Symbol symbol, BigDecimal change) {
            Map<String, BigDecimal> changed = new HashMap<>(holdings);
            BigDecimal quantity = holding(symbol).add(change);
            if (quantity.signum() == 0) {
                changed.remove(symbol.value());
            } else {
                changed.put(symbol.value(), quantity);
            }
            return new Open(id, userId, broker, currency, allowShorting, cash, reservations, changed, synced);
        }
    }
}
