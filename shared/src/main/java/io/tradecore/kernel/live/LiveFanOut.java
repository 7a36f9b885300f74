package io.tradecore.kernel.live;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code pushLiveEvents}: a batch of Kafka record values (binder batch or Lambda event-source batch) to
 * the owners' channels, in delivery order, in one pipelined round trip. There is no checkpoint: a redelivered batch
 * publishes again (clients de-duplicate by event id), and a failure to reach Redis fails the batch so the transport
 * delivers it again. Records that are not event envelopes are logged and passed over.
 */
public final class LiveFanOut implements Consumer<List<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(LiveFanOut.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public LiveFanOut(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public void accept(List<byte[]> records) {
        List<LiveEvent> events = new ArrayList<>(records.size());
        for (byte[] record : records) {
            try {
                LiveEvent.of(json.readTree(record), json).ifPresent(events::add);
            } catch (RuntimeException notAnEnvelope) {
                log.error("pushLiveEvents: passing over a record that is not an event envelope", notAnEnvelope);
            }
        }
        if (!events.isEmpty()) {
            redis.executePipelined((RedisCallback<Object>) connection -> publish(connection, events));
        }
    }

    private static Object publish(RedisConnection connection, List<LiveEvent> events) {
        for (LiveEvent event : events) {
            connection.commands().publish(event.channel().getBytes(StandardCharsets.UTF_8),
                    event.json().getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }
}
