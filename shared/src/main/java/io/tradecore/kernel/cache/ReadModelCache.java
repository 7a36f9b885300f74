package io.tradecore.kernel.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cache-aside over Redis with a TTL, JSON values, and graceful fallback to the loader.
 *
 * <p>Cache-aside has a race: a reader that loaded the row just before a change committed can write its old answer
 * back after the change's eviction, where it would stay until the TTL. Each key therefore has a generation
 * ({@code <key>:gen}) that every eviction increments; a reader notes the generation together with its cache miss,
 * and its write goes through only if no eviction happened since (checked and written atomically, in Redis).
 */
public final class ReadModelCache {

    /** KEYS: value, generation; ARGV: json, ttl ms, the generation seen at the miss ('' for none). */
    private static final RedisScript<Long> WRITE_IF_UNCHANGED = new DefaultRedisScript<>("""
            local gen = redis.call('GET', KEYS[2]) or ''
            if gen ~= ARGV[3] then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1""", Long.class);

    /** KEYS: value, generation; ARGV: generation ttl ms. */
    private static final RedisScript<Long> EVICT = new DefaultRedisScript<>("""
            redis.call('DEL', KEYS[1])
            local gen = redis.call('INCR', KEYS[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            return gen""", Long.class);

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
        List<String> entry = read(key);
        T cached = entry == null || entry.get(0) == null ? null : decode(key, entry.get(0), type);
        if (cached != null && fresh.test(cached)) {
            return cached;
        }
        T loaded = loader.get();
        if (entry != null) {
            write(key, loaded, entry.get(1) == null ? "" : entry.get(1));
        }
        return loaded;
    }

    public void evict(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try {
            String genTtl = Long.toString(ttl.toMillis() * 2);
            redis.executePipelined((org.springframework.data.redis.core.RedisCallback<Object>) connection -> {
                for (String key : keys) {
                    connection.scriptingCommands().eval(EVICT.getScriptAsString().getBytes(StandardCharsets.UTF_8),
                            ReturnType.INTEGER, 2, bytes(key), bytes(generation(key)), bytes(genTtl));
                }
                return null;
            });
        } catch (RuntimeException e) {
            // The TTL bounds how long a missed invalidation can show stale data.
            log.warn("cache eviction of {} keys failed: {}", keys.size(), e.toString());
        }
    }

    /** The cached JSON and the key's generation, in one round trip; null when Redis cannot be read. */
    private List<String> read(String key) {
        try {
            return redis.opsForValue().multiGet(List.of(key, generation(key)));
        } catch (RuntimeException e) {
            log.warn("cache read of {} failed, reading the database: {}", key, e.toString());
            return null;
        }
    }

    private <T> T decode(String key, String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (RuntimeException e) {
            log.warn("cached value of {} is unreadable, reading the database: {}", key, e.toString());
            return null;
        }
    }

    private void write(String key, Object value, String generationSeen) {
        try {
            redis.execute(WRITE_IF_UNCHANGED, List.of(key, generation(key)), json.writeValueAsString(value),
                    Long.toString(ttl.toMillis()), generationSeen);
        } catch (RuntimeException e) {
            log.warn("cache write of {} failed: {}", key, e.toString());
        }
    }

    private static String generation(String key) {
        return key + ":gen";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
