package io.tradecore.kernel.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.WebSocketMessage;

/**
 * One connected socket's way out: a bounded queue drained by its own virtual thread, so the Redis subscriber that
 * hands messages over never waits for a client. A client that reads slower than its events arrive fills the queue
 * and is dropped with close code 1013 (try again later) rather than holding memory without bound; a client that
 * answers no ping for the silence limit is closed with 1001.
 */
final class LiveSocket {

    static final CloseStatus TOO_SLOW = new CloseStatus(1013, "too slow: send buffer full");
    static final CloseStatus SILENT = CloseStatus.GOING_AWAY.withReason("no answer to pings");
    static final CloseStatus SEND_FAILED = CloseStatus.SERVER_ERROR.withReason("send failed");

    private static final Logger log = LoggerFactory.getLogger(LiveSocket.class);
    private static final PingMessage PING = new PingMessage(ByteBuffer.wrap(new byte[] {'h', 'b'}));

    /** What a socket needs of the WebSocket session: a blocking send, and close. */
    interface Outlet {
        void send(WebSocketMessage<?> message) throws IOException;

        void close(CloseStatus status) throws IOException;
    }

    private final String id;
    private final String userId;
    private final Outlet outlet;
    private final BlockingQueue<WebSocketMessage<?>> queue;
    private final LongSupplier nanoTime;
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile long lastHeard;
    private volatile Thread sender;

    LiveSocket(String id, String userId, Outlet outlet, int capacity, LongSupplier nanoTime) {
        this.id = id;
        this.userId = userId;
        this.outlet = outlet;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.nanoTime = nanoTime;
        this.lastHeard = nanoTime.getAsLong();
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    boolean isClosing() {
        return closing.get();
    }

    void start() {
        sender = Thread.ofVirtual().name("live-socket-" + id).start(this::drain);
    }

    /** Queues a message; never blocks. A full queue closes the socket as too slow. */
    void offer(WebSocketMessage<?> message) {
        if (closing.get()) {
            return;
        }
        if (!queue.offer(message)) {
            log.warn("live socket {} of user {}: send buffer full, dropping the client", id, userId);
            close(TOO_SLOW);
        }
    }

    /** The client answered a ping or sent something. */
    void heard() {
        lastHeard = nanoTime.getAsLong();
    }

    /** Pings, or closes a socket that has been silent for longer than {@code silenceLimit}. */
    void heartbeat(Duration silenceLimit) {
        if (nanoTime.getAsLong() - lastHeard > silenceLimit.toNanos()) {
            close(SILENT);
        } else {
            offer(PING);
        }
    }

    /** Closes from the server's side: frees the queue at once, sends the close frame off the caller's thread. */
    void close(CloseStatus status) {
        if (stop()) {
            Thread.ofVirtual().name("live-close-" + id).start(() -> {
                try {
                    outlet.close(status);
                } catch (IOException | RuntimeException e) {
                    log.debug("live socket {}: close failed: {}", id, e.toString());
                }
            });
        }
    }

    /** Stops sending (the connection is gone or going); true the first time. */
    boolean stop() {
        if (!closing.compareAndSet(false, true)) {
            return false;
        }
        queue.clear();
        Thread running = sender;
        if (running != null) {
            running.interrupt();
        }
        return true;
    }

    private void drain() {
        try {
            while (!closing.get()) {
                WebSocketMessage<?> next = queue.take();
                if (!closing.get()) {
                    outlet.send(next);
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (!closing.get()) {
                log.info("live socket {}: send failed, closing: {}", id, e.toString());
                close(SEND_FAILED);
            }
        }
    }
}
