package io.tradecore.automation.api;

import io.tradecore.automation.domain.AlertId;
import io.tradecore.automation.domain.AlertStatus;
import io.tradecore.kernel.domain.Texts;

/** The inputs of automation's query functions; every answer holds the caller's own alerts only. */
public final class AlertQueries {

    private AlertQueries() {
    }

    /** {@code GET /api/alerts?status=}: without a status, every alert but deleted ones. */
    public record ListAlerts(AlertStatus status) {
    }

    public record GetAlert(AlertId alertId) {
        public GetAlert {
            Texts.present(alertId, "alertId");
        }
    }
}
