package io.tradecore.kernel.projection;

import io.tradecore.kernel.function.ConsistencyToken;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

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

    public ConsistencyWaiter(Checkpoints checkpoints, Duration timeout) {
        this.checkpoints = checkpoints;
        this.timeout = timeout;
    }

    public void await(String projection, String token) {
        ConsistencyToken target = ConsistencyToken.parse(token);
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1_000_000L;
        while (checkpoints.version(projection, target.streamId()) < target.version()) {
            if (System.nanoTime() > deadline) {
                throw new NotYetConsistent(projection);
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 20_000_000L);
        }
    }
}
