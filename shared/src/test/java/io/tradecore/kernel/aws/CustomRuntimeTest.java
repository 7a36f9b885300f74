package io.tradecore.kernel.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The custom runtime's loop against a fake Lambda Runtime API on the loopback interface. */
class CustomRuntimeTest {

    private final Deque<String> events = new ArrayDeque<>();
    private final Map<String, String> posted = new ConcurrentHashMap<>();
    private HttpServer api;
    private CustomRuntime runtime;

    @BeforeEach
    void start() throws IOException {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/2018-06-01/runtime/invocation/next", exchange -> {
            String event;
            synchronized (events) {
                event = events.poll();
            }
            if (event == null) { // no more events: the loop's next fetch fails and it returns
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
                return;
            }
            String id = "req-" + event.length();
            exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", id);
            byte[] body = event.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.createContext("/2018-06-01/runtime/", exchange -> {
            posted.put(exchange.getRequestURI().getPath().substring("/2018-06-01/runtime".length()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        api.start();
        runtime = new CustomRuntime("127.0.0.1:" + api.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        api.stop(0);
    }

    @Test
    void each_event_is_answered_under_its_request_id() {
        events.add("{\"n\":1}");
        events.add("{\"n\":22}");

        runtime.run(Echo.class.getName() + "::handleRequest");

        assertThat(posted).containsEntry("/invocation/req-7/response", "echo {\"n\":1}")
                .containsEntry("/invocation/req-8/response", "echo {\"n\":22}");
    }

    @Test
    void a_failing_invocation_is_reported_as_an_error_and_the_loop_goes_on() {
        events.add("boom");
        events.add("{\"n\":1}");

        runtime.run(Echo.class.getName());

        assertThat(posted.get("/invocation/req-4/error")).contains("\"errorType\":\"java.lang.IllegalArgumentException\"");
        assertThat(posted).containsEntry("/invocation/req-7/response", "echo {\"n\":1}");
    }

    public static final class Echo implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
            if (event.equals("boom")) {
                throw new IllegalArgumentException("not an event");
            }
            output.write(("echo " + event).getBytes(StandardCharsets.UTF_8));
        }
    }
}
