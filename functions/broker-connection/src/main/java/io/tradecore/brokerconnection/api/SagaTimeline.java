package io.tradecore.brokerconnection.api;

import java.time.Instant;
import java.util.List;

/** A connection's saga: where it is, and every step's entries in order (started, completed, failed, ...). */
public record SagaTimeline(String sagaId, String status, String failedStep, String failureCode, String failureReason,
                           List<Entry> entries) {

    public record Entry(String step, String what, String commandId, String detail, Instant at) {
    }
}
