package io.tradecore.kernel.function;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What a command answers: the stream it changed, the stream's version now, the global position of its last
 * event (null when nothing changed), and the consistency token a later query can wait for.
 */
public record CommandResult(
        String streamId,
        long version,
        Long position,
        String consistencyToken,
        @JsonIgnore boolean created,
        @JsonIgnore boolean replayed) {

    public static CommandResult appended(String streamId, long previousVersion, long version, long position) {
        return new CommandResult(streamId, version, position, ConsistencyToken.of(streamId, version),
                previousVersion == 0, false);
    }

    public static CommandResult unchanged(String streamId, long version) {
        return new CommandResult(streamId, version, null, ConsistencyToken.of(streamId, version), false, false);
    }

    public CommandResult asReplay() {
        return new CommandResult(streamId, version, position, consistencyToken, created, true);
    }
}
