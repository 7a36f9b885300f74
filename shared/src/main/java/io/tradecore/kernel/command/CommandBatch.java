package io.tradecore.kernel.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several commands in one transaction: what a policy's batch of events sends, committed together instead of one
 * commit per command. Inside {@link #run}, a {@link CommandHandler} on this thread joins the batch's transaction and
 * gives up on the first thing that would have needed a transaction of its own: a refusal, a lost race, a writer lock
 * another thread keeps. The batch then rolls back whole ({@link Abandoned}, or the failure itself), and the caller
 * sends those commands again in transactions of their own, where refusals are answers and races are retried.
 *
 * <p>The batch keeps every stream's writer lock it took until it has committed or rolled back, so no writer in this
 * process reads a stream the batch has appended to but not committed. It waits a few milliseconds at most for a
 * lock, then gives up: two batches (or a batch and a single command) never wait for each other for longer. States
 * are remembered for later loads only once the batch has committed.
 */
public final class CommandBatch {

    private static final ThreadLocal<CommandBatch> CURRENT = new ThreadLocal<>();
    /** How long a batch waits for a writer lock before it gives up: short, since the holder may be waiting for it. */
    private static final long LOCK_WAIT_MILLIS = 5;

    /** The batch cannot go on as one transaction; nothing of it is kept. */
    public static final class Abandoned extends RuntimeException {
        Abandoned(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }

    private final List<ReentrantLock> held = new ArrayList<>();
    private final List<Loaded<?>> states = new ArrayList<>();

    private CommandBatch() {
    }

    /**
     * Runs {@code work} in one transaction that the commands it sends join. Throws {@link Abandoned} (or what
     * {@code work} threw) when it rolled back. Batches do not nest.
     */
    public static <T> T run(Aggregates aggregates, TransactionTemplate transactions, Supplier<T> work) {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("a command batch is already running on this thread");
        }
        CommandBatch batch = new CommandBatch();
        CURRENT.set(batch);
        try {
            T result = transactions.execute(status -> work.get());
            batch.states.forEach(aggregates::remember);
            return result;
        } finally {
            CURRENT.remove();
            batch.held.forEach(ReentrantLock::unlock);
        }
    }

    /** The batch running on this thread, or null. */
    static CommandBatch current() {
        return CURRENT.get();
    }

    /**
     * Takes a stream's writer lock for the rest of the batch, waiting a few milliseconds at most (a single command
     * holding it is done by then); abandons the batch if another thread still has it.
     */
    void hold(ReentrantLock writer, String streamId) {
        if (writer.isHeldByCurrentThread()) {
            return;
        }
        try {
            if (!writer.tryLock(LOCK_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new Abandoned("stream " + streamId + " is being written by another thread", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abandoned("interrupted while waiting for stream " + streamId, e);
        }
        held.add(writer);
    }

    /** A state to start later loads from, once the batch has committed. */
    void rememberAfterCommit(Loaded<?> state) {
        states.add(state);
    }
}
