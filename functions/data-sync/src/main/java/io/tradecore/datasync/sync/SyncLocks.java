package io.tradecore.datasync.sync;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * {@code lock:sync:{accountId}} in Redis: one worker syncs an account at a time, so two requests do not fetch the
 * same history twice. It only saves work: the account's sync stream refuses a page from any run but the current one,
 * and knows every broker id it imported, so a lost lock (expired lease, Redis down) costs calls, never duplicates.
 * The lease is renewed after every page.
 */
public final class SyncLocks {

    private static final Logger log = LoggerFactory.getLogger(SyncLocks.class);
    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
            Long.class);
    private static final DefaultRedisScript<Long> RENEW = new DefaultRedisScript<>(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end",
            Long.class);

    private final StringRedisTemplate redis;
    private final Duration lease;

    public SyncLocks(StringRedisTemplate redis, Duration lease) {
        this.redis = redis;
        this.lease = lease;
    }

    public static String key(String accountId) {
        return "lock:sync:" + accountId;
    }

    /** The lock, or a {@link Held#busy() busy} answer when another worker has it; Redis down lets the run go on. */
    public Held acquire(String accountId) {
        String token = UUID.randomUUID().toString();
        try {
            return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(accountId), token, lease))
                    ? new Held(accountId, token, false) : new Held(accountId, null, true);
        } catch (RuntimeException redisDown) {
            log.warn("sync lock for {} unavailable, going ahead on the stream's checks: {}", accountId,
                    redisDown.toString());
            return new Held(accountId, null, false);
        }
    }

    public final class Held implements AutoCloseable {
        private final String accountId;
        private final String token;
        private final boolean busy;

        private Held(String accountId, String token, boolean busy) {
            this.accountId = accountId;
            this.token = token;
            this.busy = busy;
        }

        /** Another worker holds the lock: this one should leave the account alone. */
        public boolean busy() {
            return busy;
        }

        public void renew() {
            if (token != null) {
                try {
                    redis.execute(RENEW, List.of(key(accountId)), token, Long.toString(lease.toMillis()));
                } catch (RuntimeException redisDown) {
                    log.debug("sync lock for {} not renewed: {}", accountId, redisDown.toString());
                }
            }
        }

        @Override
        public void close() {
            if (token != null) {
                try {
                    redis.execute(RELEASE, List.of(key(accountId)), token);
                } catch (RuntimeException redisDown) {
                    log.debug("sync lock for {} not released; it expires: {}", accountId, redisDown.toString());
                }
            }
        }
    }
}
