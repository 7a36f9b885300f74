package io.tradecore.kernel.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Cache-aside over Redis with a TTL, JSON values, and graceful fallback to the loader. */
public final class ReadModelCache {

    private static final Logger log = LoggerFactory.getLogger(ReadModelCache.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Duration ttl;

    public ReadModelCache(StringRedisTemplate redis, JsonMapper json, Duration ttl) {
        this.redis = redis;
        this.json = json;
        this.ttl = ttl;
    }

    /**
     * The cached value under {@code key} if there is one that {@code fresh} accepts, else the loader's value,
     * which is then cached. A loader that throws caches nothing.
     */
    public <T> T getOrLoad(String key, Class<T> type, Predicate<T> fresh, Supplier<T> loader) {
        T cached = read(key, type);
        if (cached != null && fresh.test(cached)) {
            return cached;
        }
        T loaded = loader.get();
        write(key, loaded);
        return loaded;
    }

    public void evict(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try {
            redis.delete(keys);
        } catch (RuntimeException e) {
            // The TTL bounds how long a missed invalidation can show stale data.
            log.warn("cache eviction of {} keys failed: {}", keys.size(), e.toString());
        }
    }

    private <T> T read(String key, Class<T> type) {
        try {
            String value = redis.opsForValue().get(key);
            return value == null ? null : json.readValue(value, type);
        } catch (RuntimeException e) {
            log.warn("cache read of {} failed, reading the database: {}", key, e.toString());
            return null;
        }
    }

    private void write(String key, Object value) {
        try {
            redis.opsForValue().set(key, json.writeValueAsString(value), ttl);
        } catch (RuntimeException e) {
            log.warn("cache write of {} failed: {}", key, e.toString());
        }
    }
}
