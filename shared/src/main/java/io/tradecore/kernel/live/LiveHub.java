package io.tradecore.kernel.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;

/**
 * This instance's sockets by user, and its Redis subscriptions: it subscribes to a user's channel when the user's
 * first socket here opens and unsubscribes when the last one closes, so an instance receives only the events of
 * users connected to it. Messages are dispatched on the Redis client's thread (a user's events keep their order)
 * and only queued there; each socket sends on its own thread.
 */
final class LiveHub implements MessageListener, DisposableBean {

    private final RedisMessageListenerContainer redis;
    private final Map<String, Set<LiveSocket>> byUser = new ConcurrentHashMap<>();
    private final Object subscriptions = new Object();
    private final ScheduledExecutorService heartbeats;

    LiveHub(RedisConnectionFactory connections, Duration heartbeat, Duration silenceLimit) {
        this.redis = new RedisMessageListenerContainer();
        redis.setConnectionFactory(connections);
        redis.setTaskExecutor(new SyncTaskExecutor());
        redis.afterPropertiesSet();
        redis.start();
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("live-heartbeat").factory());
        heartbeats.scheduleAtFixedRate(() -> byUser.values().forEach(sockets -> sockets.forEach(
                socket -> socket.heartbeat(silenceLimit))), heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Registers a socket; returns once this instance is subscribed to the user's channel. */
    void join(LiveSocket socket) {
        synchronized (subscriptions) {
            Set<LiveSocket> sockets = byUser.computeIfAbsent(socket.userId(), user -> ConcurrentHashMap.newKeySet());
            boolean first = sockets.isEmpty();
            sockets.add(socket);
            if (first) {
                // Returns when Redis confirmed the subscription (the container waits for it).
                redis.addMessageListener(this, new ChannelTopic(LiveChannels.user(socket.userId())));
            }
        }
    }

    void leave(LiveSocket socket) {
        synchronized (subscriptions) {
            Set<LiveSocket> sockets = byUser.get(socket.userId());
            if (sockets != null && sockets.remove(socket) && sockets.isEmpty()) {
                byUser.remove(socket.userId());
                redis.removeMessageListener(this, new ChannelTopic(LiveChannels.user(socket.userId())));
            }
        }
    }

    int sockets() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String channel = new String(message.getChannel(), StandardCharsets.UTF_8);
        if (!channel.startsWith(LiveChannels.USER_PREFIX)) {
            return;
        }
        Set<LiveSocket> sockets = byUser.get(channel.substring(LiveChannels.USER_PREFIX.length()));
        if (sockets != null) {
            TextMessage text = new TextMessage(message.getBody());
            sockets.forEach(socket -> socket.offer(text));
        }
    }

    @Override
    public void destroy() throws Exception {
        heartbeats.shutdownNow();
        byUser.values().forEach(sockets -> sockets.forEach(socket -> socket.close(CloseStatus.GOING_AWAY)));
        redis.destroy();
    }
}
