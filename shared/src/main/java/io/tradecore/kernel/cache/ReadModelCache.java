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
 *
 * <p>Keys are named {@code <namespace>:<id>}. A namespace has a generation too ({@code cache-namespace:<namespace>},
 * without expiry), and every value is stored tagged with the namespace generation it was read under
 * ({@code <generation>|<json>}); a value of an older generation reads as a miss. So {@link #evictNamespace} drops all
 * of a namespace's values at once, with one {@code INCR} (after a read-model rebuild, instead of one eviction per
 * key), and the race above is closed for it the same way.
 */
public final class ReadModelCache {

    /**
     * KEYS: value, generation, namespace generation; ARGV: tagged json, ttl ms, the generation and the namespace
     * generation seen at the miss ('' for none).
     */
    private static final RedisScript<Long> WRITE_IF_UNCHANGED = new DefaultRedisScript<>("""
            local gen = redis.call('GET', KEYS[2]) or ''
            if gen ~= ARGV[3] then return 0 end
            local namespaceGen = redis.call('GET', KEYS[3]) or ''
            if namespaceGen ~= ARGV[4] then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1""", Long.class);

    private static final char TAG_END = '|';

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
        String namespaceGeneration = entry == null || entry.get(2) == null ? "" : entry.get(2);
        String json = entry == null ? null : untagged(entry.get(0), namespaceGeneration);
        T cached = json == null ? null : decode(key, json, type);
        if (cached != null && fresh.test(cached)) {
            return cached;
        }
        T loaded = loader.get();
        if (entry != null) {
            write(key, loaded, entry.get(1) == null ? "" : entry.get(1), namespaceGeneration);
        }
        return loaded;
    }

    /**
     * Drops every value of {@code namespace} (the keys {@code <namespace>:...}) at once: its generation goes up, and
     * values tagged with an older one read as misses and are overwritten by the next load (or expire).
     */
    public void evictNamespace(String namespace) {
        try {
            redis.opsForValue().increment(namespaceGeneration(namespace));
        } catch (RuntimeException e) {
            // As for a missed eviction of a key, the TTL bounds how long stale values can show.
            log.warn("cache eviction of namespace {} failed: {}", namespace, e.toString());
        }
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

    /**
     * The cached (tagged) JSON, the key's generation and its namespace's, in one round trip; null when Redis cannot
     * be read.
     */
    private List<String> read(String key) {
        try {
            return redis.opsForValue().multiGet(List.of(key, generation(key), namespaceGeneration(namespace(key))));
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

    /** The JSON of a value tagged with the namespace's current generation; null for another generation's. */
    private static String untagged(String value, String namespaceGeneration) {
        if (value == null) {
            return null;
        }
        int end = value.indexOf(TAG_END);
        return end >= 0 && value.regionMatches(0, namespaceGeneration, 0, end) && end == namespaceGeneration.length()
                ? value.substring(end + 1) : null;
    }

    private void write(String key, Object value, String generationSeen, String namespaceGenerationSeen) {
        try {
            redis.execute(WRITE_IF_UNCHANGED, List.of(key, generation(key), namespaceGeneration(namespace(key))),
                    namespaceGenerationSeen + TAG_END + json.writeValueAsString(value), Long.toString(ttl.toMillis()),
                    generationSeen, namespaceGenerationSeen);
        } catch (RuntimeException e) {
            log.warn("cache write of {} failed: {}", key, e.toString());
        }
    }

    private static String generation(String key) {
        return key + ":gen";
    }

    /** The part of the key before its first ':' (the whole key if it has none). */
    static String namespace(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }

    private static String namespaceGeneration(String namespace) {
        return "cache-namespace:" + namespace;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
