package io.tradecore.brokeraccount.readmodel;

import io.tradecore.brokeraccount.domain.AccountEvent;
import io.tradecore.brokeraccount.domain.AccountEvent.AccountOpened;
import io.tradecore.brokeraccount.domain.AccountEvent.BalanceSynced;
import io.tradecore.brokeraccount.domain.AccountEvent.FillSettled;
import io.tradecore.brokeraccount.domain.AccountEvent.FundsDeposited;
import io.tradecore.brokeraccount.domain.AccountEvent.FundsWithdrawn;
import io.tradecore.brokeraccount.domain.AccountEvent.OrderApproved;
import io.tradecore.brokeraccount.domain.AccountEvent.OrderDeclined;
import io.tradecore.brokeraccount.domain.AccountEvent.ReservationReleased;
import io.tradecore.brokeraccount.domain.Money;
import io.tradecore.brokeraccount.domain.Side;
import java.math.BigDecimal;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SQL each account event turns into: a few statements per event, each an upsert or a keyed update. */
final class AccountWrites {

    private static final String BALANCE = """
            UPDATE accounts SET cash = cash + :cashChange, reserved_cash = GREATEST(reserved_cash + :reservedChange, 0),
                                updated_at = :at, version = :version
             WHERE id = :id""";

    private final JdbcClient jdbc;

    AccountWrites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void apply(AccountEvent event, long version, Timestamp at) {
        switch (event) {
            case AccountOpened e -> jdbc.sql("""
                            INSERT INTO accounts (id, user_id, broker, connection_id, name, status, currency,
                                                  allow_shorting, cash, reserved_cash, opened_at, updated_at, version)
                            VALUES (:id, :userId, :broker, :connectionId, :name, 'open', :currency, :allowShorting,
                                    0, 0, :at, :at, :version)
                            ON CONFLICT (id) DO NOTHING""")
                    .param("id", e.accountId().value()).param("userId", e.userId()).param("broker", e.broker())
                    .param("connectionId", e.connectionId()).param("name", e.name()).param("currency", e.currency())
                    .param("allowShorting", e.allowShorting()).param("at", at).param("version", version).update();
            case FundsDeposited e -> {
                balance(event, version, at, e.amount(), Money.ZERO);
                activity(event, version, at, "deposit", e.amount(), e.cash()).param("transferId", e.transferId())
                        .update();
            }
            case FundsWithdrawn e -> {
                balance(event, version, at, e.amount().negate(), Money.ZERO);
                activity(event, version, at, "withdrawal", e.amount().negate(), e.cash())
                        .param("transferId", e.transferId()).update();
            }
            case OrderApproved e -> balance(event, version, at, Money.ZERO, e.reservedCash());
            case OrderDeclined e -> balance(event, version, at, Money.ZERO, Money.ZERO);
            case FillSettled e -> fill(e, version, at);
            case ReservationReleased e -> balance(event, version, at, Money.ZERO, e.releasedCash().negate());
            case BalanceSynced e -> jdbc.sql("""
                            UPDATE accounts SET synced_cash = :cash, synced_buying_power = :buyingPower,
                                                synced_equity = :equity, balance_synced_at = :asOf,
                                                updated_at = :at, version = :version
                             WHERE id = :id""")
                    .param("cash", e.cash().value()).param("buyingPower", value(e.buyingPower()))
                    .param("equity", value(e.equity())).param("asOf", Timestamp.from(e.asOf())).param("at", at)
                    .param("version", version).param("id", e.accountId().value()).update();
        }
    }

    private static BigDecimal value(Money money) {
        return money == null ? null : money.value();
    }

    private void fill(FillSettled e, long version, Timestamp at) {
        balance(e, version, at, e.cashChange(), e.reservedCashUsed().negate());
        BigDecimal change = e.side() == Side.buy ? e.quantity() : e.quantity().negate();
        jdbc.sql("""
                        INSERT INTO account_holdings (account_id, symbol, quantity, last_price, updated_at)
                        VALUES (:id, :symbol, :change,
                                COALESCE((SELECT price FROM account_prices WHERE symbol = :symbol), :price), :at)
                        ON CONFLICT (account_id, symbol) DO UPDATE
                           SET quantity = account_holdings.quantity + excluded.quantity,
                               last_price = COALESCE(account_holdings.last_price, excluded.last_price),
                               updated_at = excluded.updated_at""")
                .param("id", e.accountId().value()).param("symbol", e.symbol().value()).param("change", change)
                .param("price", e.price()).param("at", at).update();
        jdbc.sql("DELETE FROM account_holdings WHERE account_id = :id AND symbol = :symbol AND quantity = 0")
                .param("id", e.accountId().value()).param("symbol", e.symbol().value()).update();
        tradeActivity(e, version, at, "fill", e.cashChange().plus(e.commission()));
        if (e.commission().isPositive()) {
            tradeActivity(e, version, at, "fee", e.commission().negate());
        }
    }

    private void balance(AccountEvent event, long version, Timestamp at, Money cashChange, Money reservedChange) {
        jdbc.sql(BALANCE).param("cashChange", cashChange.value()).param("reservedChange", reservedChange.value())
                .param("at", at).param("version", version).param("id", event.accountId().value()).update();
    }

    private void tradeActivity(FillSettled e, long version, Timestamp at, String kind, Money amount) {
        activity(e, version, at, kind, amount, e.cash()).param("orderId", e.orderId()).param("fillId", e.fillId())
                .param("symbol", e.symbol().value()).param("side", e.side().name()).param("quantity", e.quantity())
                .param("price", e.price()).update();
    }

    /** The insert of a ledger row; the caller adds the columns its kind has, the rest stay null. */
    private JdbcClient.StatementSpec activity(AccountEvent event, long version, Timestamp at, String kind,
                                              Money amount, Money cash) {
        return jdbc.sql("""
                        INSERT INTO account_activities (account_id, version, kind, amount, cash, transfer_id, order_id,
                                                        fill_id, symbol, side, quantity, price, at)
                        VALUES (:id, :version, :kind, :amount, :cash, :transferId, :orderId, :fillId, :symbol, :side,
                                :quantity, :price, :at)
                        ON CONFLICT (account_id, version, kind) DO NOTHING""")
                .param("id", event.accountId().value()).param("version", version).param("kind", kind)
                .param("amount", amount.value()).param("cash", cash.value()).param("at", at)
                .param("transferId", null).param("orderId", null).param("fillId", null).param("symbol", null)
                .param("side", null).param("quantity", null).param("price", null);
    }
}
