package io.tradecore.portfolio.foreign;

import io.tradecore.kernel.eventstore.ForeignEvents;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * portfolio's own reading of other domains' events (a tolerant reader): only the fields it uses, under the type
 * names of functions/TRADING.md. Fields added upstream are ignored; other event types are passed over.
 */
public final class InboundEvents {

    /** Everything analytics reads from broker_account, position and virtual_broker. */
    public sealed interface Inbound {
    }

    public record AccountOpened(String accountId, String userId, Instant at) implements Inbound {
    }

    /** {@code amount} is positive; {@code cash} is the balance after it. */
    public record FundsDeposited(String accountId, String userId, String transferId, BigDecimal amount,
                                 BigDecimal cash, Instant at) implements Inbound {
    }

    public record FundsWithdrawn(String accountId, String userId, String transferId, BigDecimal amount,
                                 BigDecimal cash, Instant at) implements Inbound {
    }

    /** {@code side} is {@code buy} or {@code sell}; {@code cash} is the balance after the fill and its commission. */
    public record FillSettled(String accountId, String userId, String fillId, String symbol, String side,
                              BigDecimal quantity, BigDecimal price, BigDecimal cash, Instant at) implements Inbound {
    }

    public record PositionReduced(String accountId, String userId, String symbol, String fillId,
                                  BigDecimal realizedPnl, Instant at) implements Inbound {
    }

    /** {@code realizedPnl} is this closing fill's; the position life's total is not needed here. */
    public record PositionClosed(String accountId, String userId, String symbol, String fillId,
                                 BigDecimal realizedPnl, Instant at) implements Inbound {
    }

    public record PriceTicked(String symbol, BigDecimal price, long sequence, Instant at) implements Inbound {
    }

    public static final ForeignEvents<Inbound> VIEW = ForeignEvents.of(Inbound.class)
            .on("account.opened", AccountOpened.class)
            .on("account.funds-deposited", FundsDeposited.class)
            .on("account.funds-withdrawn", FundsWithdrawn.class)
            .on("account.fill-settled", FillSettled.class)
            .on("position.reduced", PositionReduced.class)
            .on("position.closed", PositionClosed.class)
            .on("virtual-broker.price-ticked", PriceTicked.class)
            .build();

    private InboundEvents() {
    }
}
