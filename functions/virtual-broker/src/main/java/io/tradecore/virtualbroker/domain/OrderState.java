package io.tradecore.virtualbroker.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One record per lifecycle state of an order at the broker: only a working order can trigger, fill or expire. */
public sealed interface OrderState {

    /** Nothing is known of this order yet. */
    record Unreceived() implements OrderState {
    }

    /** A cancel or replace came first; the order ends as soon as it arrives. */
    record Noted(OrderId orderId, UUID newOrderId) implements OrderState {
    }

    /**
     * An order that can still fill. {@code stopPrice} is the current stop (a trailing stop's moves with its mark),
     * {@code waterMark} the best price a trailing stop has seen, {@code lastSequence} the newest tick it acted on.
     */
    record Working(OrderTerms terms, BigDecimal leaves, boolean triggered, BigDecimal stopPrice, BigDecimal waterMark,
                   long lastSequence, Instant expiresAt) implements OrderState {

        static Working received(OrderEvent.OrderReceived e) {
            return new Working(e.terms(), e.quantity(), false, e.stopPrice(), null, 0, e.expiresAt());
        }

        /** How the order reacts to prices now; the working table stores it so a tick finds its candidates in SQL. */
        public Phase phase() {
            OrderType type = terms.type();
            if (type.isStop() && !triggered) {
                return type == OrderType.TRAILING_STOP ? Phase.TRAILING : Phase.STOP;
            }
            return type.isLimited() ? Phase.LIMIT : Phase.MARKET;
        }

        Working triggeredAt(long sequence) {
            return new Working(terms, leaves, true, stopPrice, waterMark, Math.max(sequence, lastSequence), expiresAt);
        }

        Working adjusted(BigDecimal stop, BigDecimal mark, long sequence) {
            return new Working(terms, leaves, triggered, stop, mark, Math.max(sequence, lastSequence), expiresAt);
        }

        Working filled(BigDecimal newLeaves, long sequence) {
            return new Working(terms, newLeaves, triggered, stopPrice, waterMark, Math.max(sequence, lastSequence),
                    expiresAt);
        }
    }

    /** Filled, canceled, expired, rejected or replaced: nothing changes it any more. */
    record Closed(OrderId orderId, String status) implements OrderState {
    }

    /** How a working order reacts to a price. */
    enum Phase {
        /** Fills at the next price (a market order, or a triggered stop or trailing stop). */
        MARKET,
        /** Fills when the price reaches its limit (a limit order, or a triggered stop-limit). */
        LIMIT,
        /** Waits for the price to reach its stop. */
        STOP,
        /** Follows the best price and waits for the price to fall back (or rise, for a buy) to its stop. */
        TRAILING
    }
}
