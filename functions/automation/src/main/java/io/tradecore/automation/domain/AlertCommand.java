package io.tradecore.automation.domain;

import io.tradecore.kernel.domain.Texts;
import java.time.Instant;
import java.util.UUID;

/**
 * What can be asked of a symbol's alert book: by a user (create, pause, resume, delete one of their alerts) or by
 * automation's own functions (a price tick, the expiry job). {@code at} is the function's clock reading.
 */
public sealed interface AlertCommand {

    Symbol symbol();

    Instant at();

    /** The book's stream: {@code alert-book-{SYMBOL}}. */
    default String streamId() {
        return Alerts.streamId(symbol());
    }

    /** An alert on behalf of {@code userId}; {@code lastPrice} is the instrument's, or null. */
    record CreateAlert(AlertId alertId, UUID userId, Symbol symbol, AlertRule rule, Frequency frequency,
                       Instant expiresAt, OrderAction action, Price lastPrice, Instant at) implements AlertCommand {
        public CreateAlert {
            Texts.present(alertId, "alertId");
            Texts.present(userId, "userId");
            Texts.present(symbol, "symbol");
            Texts.present(rule, "rule");
            Texts.present(frequency, "frequency");
            Texts.present(at, "at");
        }
    }

    /** A user's change of one alert; which one is the command's {@code alertId}, which change its type. */
    sealed interface ChangeAlert extends AlertCommand {
        AlertId alertId();
    }

    record PauseAlert(AlertId alertId, Symbol symbol, Instant at) implements ChangeAlert {
    }

    record ResumeAlert(AlertId alertId, Symbol symbol, Instant at) implements ChangeAlert {
    }

    record DeleteAlert(AlertId alertId, Symbol symbol, Instant at) implements ChangeAlert {
    }

    /** The symbol's tick {@code sequence} at {@code price} (ticked at {@code tickedAt}), seen at {@code at}. */
    record ObservePrice(Symbol symbol, Price price, long sequence, Instant tickedAt, Instant at)
            implements AlertCommand {
        public ObservePrice {
            Texts.present(symbol, "symbol");
            Texts.present(price, "price");
            Texts.present(at, "at");
        }
    }

    /** Ends the book's live alerts whose {@code expiresAt} is at or before {@code at} (the expiry job). */
    record ExpireAlerts(Symbol symbol, Instant at) implements AlertCommand {
    }
}
