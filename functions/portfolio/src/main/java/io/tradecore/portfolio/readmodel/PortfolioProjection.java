package io.tradecore.portfolio.readmodel;

import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.eventstore.ForeignEvents;
import io.tradecore.kernel.projection.Projection;
import io.tradecore.portfolio.domain.PortfolioEvent;
import io.tradecore.portfolio.domain.PortfolioEvent.AccountAdded;
import io.tradecore.portfolio.domain.PortfolioEvent.AccountRemoved;
import io.tradecore.portfolio.domain.PortfolioEvent.PortfolioCreated;
import io.tradecore.portfolio.domain.PortfolioEvent.PortfolioDeleted;
import io.tradecore.portfolio.domain.PortfolioEvent.PortfolioRenamed;
import io.tradecore.portfolio.domain.book.AccountBook;
import io.tradecore.portfolio.foreign.InboundEvents;
import io.tradecore.portfolio.foreign.InboundEvents.AccountOpened;
import io.tradecore.portfolio.foreign.InboundEvents.FillSettled;
import io.tradecore.portfolio.foreign.InboundEvents.FundsDeposited;
import io.tradecore.portfolio.foreign.InboundEvents.FundsWithdrawn;
import io.tradecore.portfolio.foreign.InboundEvents.Inbound;
import io.tradecore.portfolio.foreign.InboundEvents.PositionClosed;
import io.tradecore.portfolio.foreign.InboundEvents.PositionReduced;
import io.tradecore.portfolio.foreign.InboundEvents.PriceTicked;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the portfolio read models: the portfolios themselves (own events), and per account its book, flows,
 * realized results and equity series (broker_account, position and virtual_broker events read through
 * {@link InboundEvents}). Each account event, and each tick of a symbol an account holds, records the account's
 * equity for its minute and day. Checkpoints are per stream, as everywhere; a tick applied after a later fill of
 * another stream values the book as it is then (streams have no order between them).
 */
public final class PortfolioProjection implements Projection<Object> {

    public static final String NAME = "portfolios";

    private final JdbcClient jdbc;
    private final Books books;

    public PortfolioProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.books = new Books(jdbc);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<Object> eventType() {
        return Object.class;
    }

    /** Its own events natively; the other domains' events only through the view. */
    @Override
    public Class<?> ownEvents() {
        return PortfolioEvent.class;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ForeignEvents<Object> foreignEvents() {
        return (ForeignEvents<Object>) (ForeignEvents<?>) InboundEvents.VIEW;
    }

    @Override
    public void apply(EventEnvelope<Object> event) {
        if (event.payload() instanceof PortfolioEvent change) {
            apply(change, event.version());
        } else if (event.payload() instanceof Inbound inbound) {
            apply(inbound, event.occurredAt());
        }
    }

    private void apply(Inbound inbound, Instant occurredAt) {
        switch (inbound) {
            case AccountOpened e -> books.open(uuid(e.accountId()), uuid(e.userId()), at(e.at(), occurredAt));
            case FundsDeposited e -> transfer(e.accountId(), e.userId(), e.transferId(), e.amount(), e.cash(),
                    at(e.at(), occurredAt));
            case FundsWithdrawn e -> transfer(e.accountId(), e.userId(), e.transferId(), e.amount().negate(), e.cash(),
                    at(e.at(), occurredAt));
            case FillSettled e -> {
                UUID account = uuid(e.accountId());
                String symbol = e.symbol().toUpperCase(Locale.ROOT);
                Instant at = at(e.at(), occurredAt);
                AccountBook book = books.load(account).settled(symbol, "buy".equalsIgnoreCase(e.side()),
                        e.quantity(), e.price(), e.cash());
                books.store(account, uuid(e.userId()), book, symbol, at);
                books.recordEquity(account, book, at);
            }
            case PositionReduced e -> trade(e.accountId(), e.symbol(), e.fillId(), "reduced", e.realizedPnl(),
                    at(e.at(), occurredAt));
            case PositionClosed e -> trade(e.accountId(), e.symbol(), e.fillId(), "closed", e.realizedPnl(),
                    at(e.at(), occurredAt));
            case PriceTicked e -> tick(e, at(e.at(), occurredAt));
        }
    }

    private void transfer(String accountId, String userId, String transferId, BigDecimal amount, BigDecimal cash,
                          Instant at) {
        UUID account = uuid(accountId);
        AccountBook book = books.load(account).transferred(amount, cash);
        books.store(account, uuid(userId), book, null, at);
        jdbc.sql("""
                        INSERT INTO portfolio_flows (account_id, transfer_id, amount, at) VALUES (:account, :transfer, :amount, :at)
                        ON CONFLICT DO NOTHING""")
                .param("account", account).param("transfer", uuid(transferId)).param("amount", amount)
                .param("at", Timestamp.from(at)).update();
        books.recordEquity(account, book, at);
    }

    private void trade(String accountId, String symbol, String fillId, String kind, BigDecimal pnl, Instant at) {
        jdbc.sql("""
                        INSERT INTO portfolio_trades (account_id, symbol, fill_id, kind, realized_pnl, at)
                        VALUES (:account, :symbol, :fill, :kind, :pnl, :at) ON CONFLICT DO NOTHING""")
                .param("account", uuid(accountId)).param("symbol", symbol.toUpperCase(Locale.ROOT))
                .param("fill", fillId).param("kind", kind).param("pnl", pnl).param("at", Timestamp.from(at)).update();
    }

    private void tick(PriceTicked tick, Instant at) {
        String symbol = tick.symbol().toUpperCase(Locale.ROOT);
        int moved = jdbc.sql("""
                        INSERT INTO portfolio_prices (symbol, last_price, sequence, updated_at)
                        VALUES (:symbol, :price, :sequence, :at)
                        ON CONFLICT (symbol) DO UPDATE
                           SET last_price = EXCLUDED.last_price, sequence = EXCLUDED.sequence,
                               updated_at = EXCLUDED.updated_at
                         WHERE portfolio_prices.sequence < EXCLUDED.sequence""")
                .param("symbol", symbol).param("price", tick.price()).param("sequence", tick.sequence())
                .param("at", Timestamp.from(at)).update();
        if (moved == 0) {
            return; // an older tick than the one we have: it values nothing
        }
        for (UUID account : books.holders(symbol)) {
            books.recordEquity(account, books.load(account), at);
        }
    }

    private void apply(PortfolioEvent change, long version) {
        var sql = jdbc.sql(switch (change) {
            case PortfolioCreated e -> """
                    INSERT INTO portfolios (portfolio_id, user_id, name, created_at, updated_at, version)
                    VALUES (:portfolio, :user, :name, :at, :at, :version) ON CONFLICT (portfolio_id) DO NOTHING""";
            case PortfolioRenamed e -> """
                    UPDATE portfolios SET name = :name, updated_at = :at, version = :version
                     WHERE portfolio_id = :portfolio""";
            case AccountAdded e -> """
                    WITH changed AS (UPDATE portfolios SET updated_at = :at, version = :version
                                      WHERE portfolio_id = :portfolio RETURNING portfolio_id)
                    INSERT INTO portfolio_members (portfolio_id, account_id, added_at)
                    SELECT portfolio_id, :account, :at FROM changed ON CONFLICT DO NOTHING""";
            case AccountRemoved e -> """
                    WITH changed AS (UPDATE portfolios SET updated_at = :at, version = :version
                                      WHERE portfolio_id = :portfolio RETURNING portfolio_id)
                    DELETE FROM portfolio_members m USING changed
                     WHERE m.portfolio_id = changed.portfolio_id AND m.account_id = :account""";
            case PortfolioDeleted e -> "DELETE FROM portfolios WHERE portfolio_id = :portfolio";
        });
        switch (change) {
            case PortfolioCreated e -> sql = sql.param("user", e.userId()).param("name", e.name().value());
            case PortfolioRenamed e -> sql = sql.param("name", e.name().value());
            case AccountAdded e -> sql = sql.param("account", e.accountId().value());
            case AccountRemoved e -> sql = sql.param("account", e.accountId().value());
            case PortfolioDeleted e -> {
            }
        }
        sql.param("portfolio", change.portfolioId().value()).param("at", Timestamp.from(change.at()))
                .param("version", version).update();
        if (change instanceof PortfolioCreated created) {
            created.accountIds().forEach(account -> jdbc.sql("""
                            INSERT INTO portfolio_members (portfolio_id, account_id, added_at)
                            VALUES (:portfolio, :account, :at) ON CONFLICT DO NOTHING""")
                    .param("portfolio", created.portfolioId().value()).param("account", account.value())
                    .param("at", Timestamp.from(created.at())).update());
        }
    }

    private static Instant at(Instant at, Instant occurredAt) {
        return at != null ? at : occurredAt;
    }

    private static UUID uuid(String text) {
        return UUID.fromString(text);
    }
}
