package io.tradecore.virtualbroker.domain;

import io.tradecore.virtualbroker.domain.OrderEvent.OrderFilled;
import io.tradecore.virtualbroker.domain.OrderEvent.OrderTriggered;
import io.tradecore.virtualbroker.domain.OrderEvent.StopAdjusted;
import io.tradecore.virtualbroker.domain.OrderState.Working;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What one price does to a working order, in this order: a trailing stop follows a new best price (and then waits:
 * a new best price never reaches the stop); a stop is triggered when the price reaches it (a buy stop at or above,
 * a sell stop at or below) and then acts as a market order, a stop-limit as a limit order; finally the order fills if
 * it is marketable. Market fills take the price moved by the slippage; limit fills take the tick price itself, which
 * is never worse than the limit (the client keeps the improvement). One fill per price, of at most
 * {@link MatchingRules#fillable} of what is left.
 */
public final class Matching {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Matching() {
    }

    /** The price at tick {@code sequence}: what it changes, or nothing. */
    public static List<OrderEvent> atPrice(Working order, BigDecimal price, long sequence, UUID fillId, Instant at,
                                           MatchingRules rules) {
        List<OrderEvent> events = new ArrayList<>();
        OrderTerms terms = order.terms();
        Working current = order;
        if (current.phase() == OrderState.Phase.TRAILING) {
            BigDecimal mark = terms.side().best(current.waterMark(), price);
            if (current.waterMark() == null || mark.compareTo(current.waterMark()) != 0) {
                BigDecimal stop = trailingStop(terms, mark);
                events.add(new StopAdjusted(terms.orderId(), terms.accountId(), terms.userId(), stop, mark, sequence, at));
                return events;
            }
        }
        if (!current.triggered() && terms.type().isStop() && reached(terms.side(), current.stopPrice(), price)) {
            events.add(new OrderTriggered(terms.orderId(), terms.accountId(), terms.userId(), price, sequence, at));
            current = current.triggeredAt(sequence);
        }
        BigDecimal fillPrice = fillPrice(current, price, rules);
        if (fillPrice != null) {
            BigDecimal quantity = rules.fillable(current.leaves());
            events.add(new OrderFilled(terms.orderId(), terms.accountId(), terms.userId(), fillId, terms.symbol(),
                    terms.side(), quantity, fillPrice, rules.commission(quantity), current.leaves().subtract(quantity),
                    sequence, at));
        }
        return events;
    }

    /** The trailing stop for a best price: below it for a sell, above it for a buy, by the amount or the percent. */
    public static BigDecimal trailingStop(OrderTerms terms, BigDecimal mark) {
        BigDecimal trail = terms.trailAmount() != null ? terms.trailAmount()
                : mark.multiply(terms.trailPercent()).divide(HUNDRED, 8, RoundingMode.HALF_EVEN);
        return Prices.price(terms.side() == Side.SELL ? mark.subtract(trail) : mark.add(trail));
    }

    private static boolean reached(Side side, BigDecimal stop, BigDecimal price) {
        return stop != null && (side == Side.BUY ? price.compareTo(stop) >= 0 : price.compareTo(stop) <= 0);
    }

    /** Null when the order cannot fill at this price. */
    private static BigDecimal fillPrice(Working order, BigDecimal price, MatchingRules rules) {
        OrderTerms terms = order.terms();
        return switch (order.phase()) {
            case MARKET -> rules.marketFill(terms.side(), price);
            case LIMIT -> crosses(terms.side(), terms.limitPrice(), price) ? Prices.price(price) : null;
            case STOP, TRAILING -> null;
        };
    }

    private static boolean crosses(Side side, BigDecimal limit, BigDecimal price) {
        return side == Side.BUY ? price.compareTo(limit) <= 0 : price.compareTo(limit) >= 0;
    }
}
