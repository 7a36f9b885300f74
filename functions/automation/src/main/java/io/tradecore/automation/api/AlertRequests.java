package io.tradecore.automation.api;

import io.tradecore.automation.domain.AlertId;
import io.tradecore.automation.domain.Condition;
import io.tradecore.automation.domain.Direction;
import io.tradecore.automation.domain.Frequency;
import io.tradecore.automation.domain.OrderAction;
import io.tradecore.automation.domain.Percent;
import io.tradecore.automation.domain.Price;
import io.tradecore.automation.domain.Symbol;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import java.time.Instant;

/** The bodies of automation's HTTP commands; each checks what it can check by itself when it is read. */
public final class AlertRequests {

    private AlertRequests() {
    }

    /**
     * {@code POST /api/alerts/create}. {@code threshold} for crossings and levels; {@code percent}, {@code direction}
     * ({@code either} when absent) and an optional {@code referencePrice} (else the last price) for a percent move;
     * {@code frequency} {@code once} when absent; optional {@code expiresAt} and order {@code action}.
     */
    public record CreateAlertRequest(Symbol symbol, Condition condition, Price threshold, Percent percent,
                                     Direction direction, Price referencePrice, Frequency frequency, Instant expiresAt,
                                     OrderAction action) {
        public CreateAlertRequest {
            Texts.present(symbol, "symbol");
            Texts.present(condition, "condition");
            frequency = frequency == null ? Frequency.ONCE : frequency;
            if (condition == Condition.PERCENT_MOVE) {
                Texts.present(percent, "percent");
                if (threshold != null) {
                    throw Rejection.invalid("threshold", "percent_move takes no threshold");
                }
            } else if (threshold == null) {
                throw Rejection.invalid("threshold", condition + " needs a threshold");
            }
        }
    }

    /** {@code POST /api/alerts/{alertId}/pause}, {@code /resume} and {@code /delete}, with an empty JSON object. */
    public record AlertIdRequest(AlertId alertId) {
        public AlertIdRequest {
            Texts.present(alertId, "alertId");
        }
    }

    /** What creating an alert answers: its id, and the book event's stream, version and consistency token. */
    public record AlertCreatedAnswer(String alertId, String streamId, long version, Long position,
                                     String consistencyToken) {
    }
}
