package io.tradecore.kernel.eventstore;

/** Another writer appended to the stream first; the caller reloads and decides again, or gives up. */
public final class VersionConflict extends RuntimeException {

    public VersionConflict(String streamId, long expectedVersion) {
        super("stream " + streamId + " moved past version " + expectedVersion, null, false, false);
    }
}
