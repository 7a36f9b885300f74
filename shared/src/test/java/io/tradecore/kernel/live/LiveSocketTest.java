package io.tradecore.kernel.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;

class LiveSocketTest {

    /** An outlet whose sends wait for {@code release}, like a client that stopped reading. */
    static final class RecordingOutlet implements LiveSocket.Outlet {
        final List<WebSocketMessage<?>> sent = new CopyOnWriteArrayList<>();
        final AtomicReference<CloseStatus> closed = new AtomicReference<>();
        final CountDownLatch release;

        RecordingOutlet(boolean blocked) {
            release = new CountDownLatch(blocked ? 1 : 0);
        }

        @Override
        public void send(WebSocketMessage<?> message) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            sent.add(message);
        }

        @Override
        public void close(CloseStatus status) {
            closed.set(status);
        }
    }

    @Test
    void messages_reach_the_client_in_the_order_they_were_offered() {
        var outlet = new RecordingOutlet(false);
        var socket = new LiveSocket("s1", "u1", outlet, 16, System::nanoTime);
        socket.start();

        for (int i = 0; i < 10; i++) {
            socket.offer(new TextMessage("m" + i));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> outlet.sent.size() == 10);
        assertThat(outlet.sent).extracting(m -> ((TextMessage) m).getPayload())
                .containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        assertThat(outlet.closed.get()).isNull();
    }

    @Test
    void a_client_that_stops_reading_is_dropped_with_1013_once_its_buffer_is_full_and_nothing_more_is_queued() {
        var outlet = new RecordingOutlet(true);
        var socket = new LiveSocket("s2", "u1", outlet, 4, System::nanoTime);
        socket.start();

        // One message is taken by the (blocked) sender, four fill the buffer; the next one overflows it.
        for (int i = 0; i < 5; i++) {
            socket.offer(new TextMessage("m" + i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            socket.offer(new TextMessage("overflow"));
            return outlet.closed.get() != null;
        });

        assertThat(outlet.closed.get().getCode()).isEqualTo(1013);
        assertThat(socket.isClosing()).isTrue();
        outlet.release.countDown();
        socket.offer(new TextMessage("after close"));
        assertThat(outlet.sent).extracting(m -> ((TextMessage) m).getPayload()).doesNotContain("after close", "overflow");
    }

    @Test
    void a_heartbeat_pings_a_client_that_answers_and_closes_one_that_went_silent() {
        var outlet = new RecordingOutlet(false);
        AtomicLong now = new AtomicLong();
        var socket = new LiveSocket("s3", "u1", outlet, 16, now::get);
        socket.start();

        now.set(Duration.ofSeconds(20).toNanos());
        socket.heartbeat(Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(10)).until(() -> outlet.sent.size() == 1);
        assertThat(outlet.sent.getFirst()).isInstanceOf(PingMessage.class);

        socket.heard(); // the pong at 20 s
        now.set(Duration.ofSeconds(70).toNanos());
        socket.heartbeat(Duration.ofSeconds(60));
        assertThat(outlet.closed.get()).isNull();

        now.set(Duration.ofSeconds(81).toNanos());
        socket.heartbeat(Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(10)).until(() -> outlet.closed.get() != null);
        assertThat(outlet.closed.get().getCode()).isEqualTo(1001);
    }
}
