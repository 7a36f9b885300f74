package io.tradecore.kernel.eventstore;

/** What an append wrote: the stream's new version and the global position of its last event. */
public record AppendResult(String streamId, long version, long position) {
}
