package io.tradecore.kernel.projection;

import io.tradecore.kernel.eventstore.EventStore;
import io.tradecore.kernel.function.ConsistencyToken;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;

/** Read-your-writes: waits, bounded, until a projection has applied a stream up to a command's token. */
public final class ConsistencyWaiter {

    /** The read model did not catch up in time; the gateway answers 503 with Retry-After. */
    public static final class NotYetConsistent extends RuntimeException {
        public NotYetConsistent(String projection) {
            super("read model '" + projection + "' has not caught up yet", null, false, false);
        }
    }

    private final Checkpoints checkpoints;
    private final Duration timeout;
    private final EventStore store;
    private final Function<String, Predicate<String>> takenTypes;

    /**
     * {@code takenTypes} names, per projection, the event types it takes (null for a projection this process does not
     * know: then every event counts, and the wait is for the checkpoint to reach the token).
     */
    public ConsistencyWaiter(Checkpoints checkpoints, Duration timeout, EventStore store,
                             Function<String, Predicate<String>> takenTypes) {
        this.checkpoints = checkpoints;
        this.timeout = timeout;
        this.store = store;
        this.takenTypes = takenTypes;
    }

    /**
     * Returns once the projection has applied everything of the token's stream up to the token's version. A
     * projection leaves events it does not take without a checkpoint ({@link ProjectionRuntime}), so when the
     * checkpoint is behind, the wait is for the last event it takes up to the token, if there is one.
     */
    public void await(String projection, String token) {
        ConsistencyToken target = ConsistencyToken.parse(token);
        long applied = checkpoints.version(projection, target.streamId());
        if (applied >= target.version()) {
            return;
        }
        long needed = lastTaken(projection, target.streamId(), applied, target.version());
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1_000_000L;
        while (applied < needed) {
            if (System.nanoTime() > deadline) {
                throw new NotYetConsistent(projection);
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 20_000_000L);
            applied = checkpoints.version(projection, target.streamId());
        }
    }

    /** The version of the last event in (applied, upTo] that the projection takes; {@code applied} if none. */
    private long lastTaken(String projection, String streamId, long applied, long upTo) {
        Predicate<String> takes = takenTypes.apply(projection);
        List<String> types = takes == null ? List.of() : store.eventTypes(streamId, applied, upTo);
        if (takes == null || types.size() != upTo - applied) {
            return upTo;
        }
        for (int i = types.size() - 1; i >= 0; i--) {
            if (takes.test(types.get(i))) {
                return applied + 1 + i;
            }
        }
        return applied;
    }
}
