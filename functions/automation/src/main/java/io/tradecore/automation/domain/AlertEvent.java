package io.tradecore.automation.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What has happened in a symbol's alert book, in the past tense; fields as in functions/TRADING.md. Stored under the
 * names in {@link Alerts#EVENTS}. {@code at} is the function's clock reading when the event was decided.
 */
public sealed interface AlertEvent {

    Symbol symbol();

    Instant at();

    /** One alert's event (all but the book's own price record); not a subtype, so the registry names records only. */
    interface OfAlert {
        AlertId alertId();

        UUID userId();
    }

    /**
     * A user set an alert. {@code lastPrice} is the instrument's last price when it was set (null if none yet): the
     * book starts from it when it was watching no live alert (and so recorded no recent price).
     */
    record AlertCreated(AlertId alertId, UUID userId, Symbol symbol, Condition condition, Price threshold,
                        Percent percent, Direction direction, Price referencePrice, Frequency frequency,
                        Instant expiresAt, OrderAction action, Price lastPrice, Instant at) implements AlertEvent, OfAlert {
        public AlertRule rule() {
            return new AlertRule(condition, threshold, percent, direction, referencePrice);
        }
    }

    record AlertPaused(AlertId alertId, UUID userId, Symbol symbol, Instant at) implements AlertEvent, OfAlert {
    }

    record AlertResumed(AlertId alertId, UUID userId, Symbol symbol, Instant at) implements AlertEvent, OfAlert {
    }

    record AlertDeleted(AlertId alertId, UUID userId, Symbol symbol, Instant at) implements AlertEvent, OfAlert {
    }

    /**
     * The alert's condition was met by the tick {@code sequence} at {@code price}, coming from {@code previousPrice}
     * (null when the book had none). {@code threshold} is the level that was reached (for a percent move, the computed
     * one). {@code action} is the order to place, if the alert has one.
     */
    record AlertTriggered(AlertId alertId, UUID userId, Symbol symbol, Condition condition, Price threshold,
                          Price price, Price previousPrice, long sequence, Frequency frequency, OrderAction action,
                          Instant at) implements AlertEvent, OfAlert {
    }

    /** An {@code every_time} level alert that fired saw its condition false again at the tick {@code sequence}. */
    record AlertRearmed(AlertId alertId, UUID userId, Symbol symbol, Price price, long sequence, Instant at)
            implements AlertEvent, OfAlert {
    }

    /** The alert reached its {@code expiresAt} without ending otherwise; it never fires again. */
    record AlertExpired(AlertId alertId, UUID userId, Symbol symbol, Instant expiresAt, Instant at)
            implements AlertEvent, OfAlert {
    }

    /** The book's last price: the tick {@code sequence} of the symbol, at {@code price}, ticked at {@code tickedAt}. */
    record PriceObserved(Symbol symbol, Price price, long sequence, Instant tickedAt, Instant at)
            implements AlertEvent {
    }
}
