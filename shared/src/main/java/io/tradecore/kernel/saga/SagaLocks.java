package io.tradecore.kernel.saga;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * {@code lock:saga:{id}} in Redis: keeps two workers from deciding the same saga at once, which would only waste
 * work. It is never what keeps the saga correct (the versioned state is), so a lock that cannot be had within the
 * wait, or a Redis that is down, lets the worker go ahead anyway.
 */
public final class SagaLocks {

    private static final Logger log = LoggerFactory.getLogger(SagaLocks.class);
    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
            Long.class);

    private final StringRedisTemplate redis;
    private final Duration lease;
    private final Duration wait;

    public SagaLocks(StringRedisTemplate redis, Duration lease, Duration wait) {
        this.redis = redis;
        this.lease = lease;
        this.wait = wait;
    }

    public static String key(String sagaId) {
        return "lock:saga:" + sagaId;
    }

    /** A held lock (release it), or a token that holds nothing when the lock was busy or Redis down. */
    public Held acquire(String sagaId) {
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            do {
                if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(sagaId), token, lease))) {
                    return new Held(sagaId, token);
                }
                LockSupport.parkNanos(2_000_000);
            } while (System.nanoTime() < deadline);
        } catch (RuntimeException redisDown) {
            log.warn("saga lock for {} unavailable, going ahead on the version check: {}", sagaId, redisDown.toString());
        }
        return new Held(sagaId, null);
    }

    public final class Held implements AutoCloseable {
        private final String sagaId;
        private final String token;

        private Held(String sagaId, String token) {
            this.sagaId = sagaId;
            this.token = token;
        }

        public boolean held() {
            return token != null;
        }

        @Override
        public void close() {
            if (token == null) {
                return;
            }
            try {
                redis.execute(RELEASE, List.of(key(sagaId)), token);
            } catch (RuntimeException redisDown) {
                log.debug("saga lock for {} not released; it expires: {}", sagaId, redisDown.toString());
            }
        }
    }
}
