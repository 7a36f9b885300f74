package io.tradecore.kernel.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** The writer locks of a command batch: kept to its end, never waited for long. The database is not involved. */
class CommandBatchTest {

    private final TransactionTemplate transactions = new TransactionTemplate(new NoResources());
    private final Aggregates aggregates = new Aggregates(null, null, transactions, null, Clock.systemUTC(), 1, 10);

    @Test
    void the_locks_a_batch_takes_are_kept_until_it_ends() {
        ReentrantLock first = aggregates.writerLock("stream-1");
        ReentrantLock second = aggregates.writerLock("stream-2");

        CommandBatch.run(aggregates, transactions, () -> {
            CommandBatch.current().hold(first, "stream-1");
            CommandBatch.current().hold(second, "stream-2");
            CommandBatch.current().hold(first, "stream-1"); // again: already this batch's
            assertThat(first.isHeldByCurrentThread()).isTrue();
            assertThat(first.getHoldCount()).isEqualTo(1);
            return null;
        });

        assertThat(first.isLocked()).isFalse();
        assertThat(second.isLocked()).isFalse();
        assertThat(CommandBatch.current()).isNull();
    }

    @Test
    void a_lock_another_thread_keeps_abandons_the_batch_which_lets_go_of_its_own() throws InterruptedException {
        ReentrantLock mine = aggregates.writerLock("stream-a");
        ReentrantLock theirs = aggregates.writerLock("stream-b");
        assertThat(mine).isNotSameAs(theirs);
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread other = Thread.ofVirtual().start(() -> {
            theirs.lock();
            try {
                taken.countDown();
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                theirs.unlock();
            }
        });
        assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> CommandBatch.run(aggregates, transactions, () -> {
                CommandBatch.current().hold(mine, "stream-a");
                CommandBatch.current().hold(theirs, "stream-b");
                return null;
            })).isInstanceOf(CommandBatch.Abandoned.class).hasMessageContaining("stream-b");
            assertThat(mine.isLocked()).as("the batch let go of the lock it held").isFalse();
        } finally {
            done.countDown();
            other.join();
        }
    }

    @Test
    void batches_do_not_nest() {
        assertThatThrownBy(() -> CommandBatch.run(aggregates, transactions,
                () -> CommandBatch.run(aggregates, transactions, () -> null)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(CommandBatch.current()).isNull();
    }

    /** Transactions with nothing behind them: these tests are about locks. */
    private static final class NoResources extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
