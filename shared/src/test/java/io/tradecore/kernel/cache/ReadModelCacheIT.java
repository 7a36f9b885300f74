package io.tradecore.kernel.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Against the machine's Redis: a reader racing an eviction never caches what it read before the change. */
class ReadModelCacheIT {

    record View(String id, long version) {
    }

    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;
    private final ReadModelCache cache = new ReadModelCache(redis, JsonMapper.builder().build(), Duration.ofMinutes(1));
    private final String key = "it:cache:" + UUID.randomUUID();

    @BeforeAll
    static void connect() {
        connections = new LettuceConnectionFactory("127.0.0.1", 6379);
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Test
    void a_miss_is_loaded_once_and_then_served_from_the_cache_until_evicted() {
        AtomicInteger loads = new AtomicInteger();
        assertThat(cache.getOrLoad(key, View.class, v -> true, () -> new View("a", loads.incrementAndGet())).version()).isEqualTo(1);
        assertThat(cache.getOrLoad(key, View.class, v -> true, () -> new View("a", loads.incrementAndGet())).version()).isEqualTo(1);

        cache.evict(List.of(key));

        assertThat(cache.getOrLoad(key, View.class, v -> true, () -> new View("a", loads.incrementAndGet())).version()).isEqualTo(2);
        assertThat(loads).hasValue(2);
    }

    @Test
    void a_value_read_before_a_change_is_not_written_back_after_the_changes_eviction() {
        // The reader misses and loads version 1; meanwhile the change to version 2 commits and evicts.
        View stale = cache.getOrLoad(key, View.class, v -> true, () -> {
            cache.evict(List.of(key));
            return new View("a", 1);
        });
        assertThat(stale.version()).isEqualTo(1); // the reader itself still gets what it read ...
        assertThat(redis.opsForValue().get(key)).isNull(); // ... but it is not cached for the next reader

        View fresh = cache.getOrLoad(key, View.class, v -> true, () -> new View("a", 2));
        assertThat(fresh.version()).isEqualTo(2);
        assertThat(redis.opsForValue().get(key)).contains("\"version\":2");
    }

    @Test
    void a_cached_value_the_caller_finds_too_old_is_loaded_again() {
        cache.getOrLoad(key, View.class, v -> true, () -> new View("a", 1));
        View newer = cache.getOrLoad(key, View.class, v -> v.version() >= 2, () -> new View("a", 2));
        assertThat(newer.version()).isEqualTo(2);
        assertThat(cache.getOrLoad(key, View.class, v -> true, () -> new View("a", 99)).version()).isEqualTo(2);
    }

    @Test
    void evicting_a_namespace_drops_all_its_values_at_once_and_no_other() {
        String namespace = "it-ns-" + UUID.randomUUID();
        String first = namespace + ":a";
        String second = namespace + ":b";
        AtomicInteger loads = new AtomicInteger();
        cache.getOrLoad(first, View.class, v -> true, () -> new View("a", loads.incrementAndGet()));
        cache.getOrLoad(second, View.class, v -> true, () -> new View("b", loads.incrementAndGet()));
        cache.getOrLoad(key, View.class, v -> true, () -> new View("other", 7));

        cache.evictNamespace(namespace);

        assertThat(cache.getOrLoad(first, View.class, v -> true, () -> new View("a", 10)).version()).isEqualTo(10);
        assertThat(cache.getOrLoad(second, View.class, v -> true, () -> new View("b", 20)).version()).isEqualTo(20);
        assertThat(cache.getOrLoad(key, View.class, v -> true, () -> new View("other", 99)).version()).isEqualTo(7);
        // The values loaded after the eviction are cached under the new generation.
        assertThat(cache.getOrLoad(first, View.class, v -> true, () -> new View("a", 11)).version()).isEqualTo(10);
        assertThat(loads).hasValue(2);
        redis.delete(List.of(first, second, "cache-namespace:" + namespace));
    }

    @Test
    void a_value_read_before_a_namespace_eviction_is_not_written_back_after_it() {
        String namespace = "it-ns-" + UUID.randomUUID();
        String inNamespace = namespace + ":a";
        View stale = cache.getOrLoad(inNamespace, View.class, v -> true, () -> {
            cache.evictNamespace(namespace);
            return new View("a", 1);
        });
        assertThat(stale.version()).isEqualTo(1);
        assertThat(redis.opsForValue().get(inNamespace)).isNull();

        assertThat(cache.getOrLoad(inNamespace, View.class, v -> true, () -> new View("a", 2)).version()).isEqualTo(2);
        assertThat(cache.getOrLoad(inNamespace, View.class, v -> true, () -> new View("a", 3)).version()).isEqualTo(2);
        redis.delete(List.of(inNamespace, "cache-namespace:" + namespace));
    }
}
