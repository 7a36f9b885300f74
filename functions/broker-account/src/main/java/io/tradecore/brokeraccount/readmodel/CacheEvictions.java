package io.tradecore.brokeraccount.readmodel;

import io.tradecore.kernel.cache.ReadModelCache;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drops cached balances when a change commits, and once more a moment later. Cache-aside has a race: a query that
 * read the table just before the commit can write its stale answer back after the first eviction, where it would
 * stay until the TTL. The second eviction bounds that to {@code delay}. (The kernel's cache writes unconditionally;
 * a version-guarded write there would make this unnecessary.)
 */
public final class CacheEvictions implements AutoCloseable {

    private final ReadModelCache cache;
    private final Duration delay;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("account-cache-evictions").factory());

    public CacheEvictions(ReadModelCache cache, Duration delay) {
        this.cache = cache;
        this.delay = delay;
    }

    public void evict(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<String> copy = List.copyOf(keys);
        cache.evict(copy);
        try {
            later.schedule(() -> cache.evict(copy), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // The TTL bounds what the second eviction would have cut short.
        }
    }

    @Override
    public void close() {
        later.shutdownNow();
    }
}
