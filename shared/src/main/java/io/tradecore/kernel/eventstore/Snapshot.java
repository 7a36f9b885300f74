package io.tradecore.kernel.eventstore;

/** An aggregate state as of {@code version}, stored as JSON under its class name and the aggregate's snapshot schema. */
public record Snapshot(String streamId, long version, String stateType, int schemaVersion, String stateJson) {
}
