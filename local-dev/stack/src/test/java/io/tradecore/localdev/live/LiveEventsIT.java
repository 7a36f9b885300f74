package io.tradecore.localdev.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tradecore.kernel.testing.TestHttp;
import io.tradecore.kernel.testing.TestStack;
import io.tradecore.localdev.LocalStack;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live feed end to end: orders placed and filled over HTTP, their events through the outbox, Kafka,
 * {@code pushLiveEvents} and Redis pub/sub to {@code /api/live} sockets opened with the JDK's WebSocket client,
 * against real PostgreSQL, Kafka and Redis. The clock is the system's, so the latency test measures real time.
 */
@SpringBootTest(classes = LocalStack.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tradecore.security.admin-usernames=root-admin",
        "tradecore.virtual-broker.slippage-bps=0",
        "tradecore.live.send-buffer=64"})
class LiveEventsIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String PASSWORD = "correct horse battery";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static String isolation;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        isolation = TestStack.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    TestHttp http;
    final List<LiveClient> clients = new ArrayList<>();

    record User(String id, String token) {
    }

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(LiveClient::abort);
    }

    @Test
    void a_user_receives_their_own_fill_and_nothing_of_another_users_concurrent_activity() {
        User alice = register(unique("alice"));
        User bob = register(unique("bob"));
        LiveClient alicesFeed = connect(port, alice);
        LiveClient bobsFeed = connect(port, bob);
        String alicesAccount = fundedAccount(alice, "10000");
        String bobsAccount = fundedAccount(bob, "10000");
        String symbol = "JPM"; // the test's own context and schema: no other test moves its price
        tickAndWait(symbol, "50");

        var alicesOrder = CompletableFuture.supplyAsync(() -> placeMarketBuy(alice, alicesAccount, symbol, "10"));
        var bobsOrder = CompletableFuture.supplyAsync(() -> placeMarketBuy(bob, bobsAccount, symbol, "7"));
        String aliceOrderId = alicesOrder.join();
        String bobOrderId = bobsOrder.join();

        JsonNode alicesFill = alicesFeed.awaitMessage(event -> is(event, "order.filled", "orderId", aliceOrderId));
        assertThat(alicesFill.get("payload").get("quantity").decimalValue()).isEqualByComparingTo("10");
        assertThat(alicesFill.get("payload").get("price").decimalValue()).isEqualByComparingTo("50");
        alicesFeed.awaitMessage(event -> is(event, "account.fill-settled", "orderId", aliceOrderId));
        alicesFeed.awaitMessage(event -> is(event, "position.opened", "accountId", alicesAccount));
        bobsFeed.awaitMessage(event -> is(event, "order.filled", "orderId", bobOrderId));
        bobsFeed.awaitMessage(event -> is(event, "position.opened", "accountId", bobsAccount));

        assertOnlyOwnEvents(alicesFeed, alice, bobOrderId, bobsAccount);
        assertOnlyOwnEvents(bobsFeed, bob, aliceOrderId, alicesAccount);
        assertThat(alicesFeed.events()).extracting(event -> event.get("type").asString())
                .contains("account.opened", "account.funds-deposited", "order.placed", "order.accepted", "order.filled");
    }

    @Test
    void a_handshake_without_a_valid_token_is_refused_with_401_before_the_upgrade() {
        for (String token : new String[] {null, "not-a-jwt"}) {
            var builder = HttpClient.newHttpClient().newWebSocketBuilder();
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            assertThatThrownBy(() -> builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/live"),
                    new LiveClient()).join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                            refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(401));
        }
    }

    @Test
    void a_browser_passes_its_token_as_the_access_token_query_parameter() {
        User carol = register(unique("carol"));
        LiveClient feed = new LiveClient();
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
                URI.create("ws://127.0.0.1:" + port + "/api/live?access_token=" + carol.token()), feed).join();
        clients.add(feed);
        JsonNode subscribed = feed.awaitMessage(message -> "live.subscribed".equals(message.get("type").asString()));
        assertThat(subscribed.get("userId").asString()).isEqualTo(carol.id());

        feed.send("{\"type\":\"ping\"}");
        feed.awaitMessage(message -> "live.pong".equals(message.get("type").asString()));
    }

    @Test
    void an_event_published_once_reaches_the_users_sockets_on_every_instance() {
        try (ConfigurableApplicationContext second = secondInstance()) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            User dave = register(unique("dave"));
            LiveClient onFirst = connect(port, dave);
            LiveClient onSecond = connect(secondPort, dave);

            var opened = http.post("/api/accounts/open", dave.token(), TestHttp.json(Map.of("name", "paper")));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            String account = idOf(opened, "account-");

            JsonNode first = onFirst.awaitMessage(event -> is(event, "account.opened", "accountId", account));
            JsonNode second2 = onSecond.awaitMessage(event -> is(event, "account.opened", "accountId", account));
            assertThat(second2.get("eventId").asString()).isEqualTo(first.get("eventId").asString());
            assertThat(first.get("stream").asString()).isEqualTo("account-" + account);
            assertThat(first.get("version").asLong()).isEqualTo(1);
        }
    }

    @Test
    void a_client_that_stops_reading_is_dropped_and_its_subscription_released() {
        User erin = register(unique("erin"));
        LiveClient slow = new LiveClient(false);
        HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + erin.token())
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/live"), slow).join();
        clients.add(slow);
        await().atMost(PATIENCE).until(() -> subscribers(erin) == 1);

        // The channel is the public contract: anything published there goes to the user's sockets. 16 KiB a message,
        // until this instance has dropped the client that reads nothing (its buffer of 64 plus the TCP buffers).
        String filler = "{\"type\":\"test.filler\",\"payload\":\"" + "x".repeat(16 * 1024) + "\"}";
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(1)).until(() -> {
            redis.convertAndSend("wse:user:" + erin.id(), filler);
            return subscribers(erin) == 0;
        });

        // The server's close frame (1013) queues behind the unread bytes; when it cannot get through either, the server
        // cuts the connection, which the client sees as 1006 (abnormal closure) or as an error (-1).
        slow.resume();
        Integer code = slow.closed.exceptionally(error -> -1).join();
        assertThat(code).as("close code").isIn(1013, 1006, -1);
    }

    @Test
    void latency_from_event_to_socket() throws Exception {
        User frank = register(unique("frank"));
        LiveClient feed = connect(port, frank);
        var opened = http.post("/api/accounts/open", frank.token(), TestHttp.json(Map.of("name", "paper")));
        String account = idOf(opened, "account-");
        int events = Integer.getInteger("live.latency.events", 200);
        // A subscriber of the test's own on the user's channel splits the path: up to Redis (relay, Kafka,
        // pushLiveEvents), and from Redis to the socket (this instance's subscription, queue and send).
        Map<String, Instant> published = new java.util.concurrent.ConcurrentHashMap<>();
        var tap = new RedisMessageListenerContainer();
        tap.setConnectionFactory(redis.getConnectionFactory());
        tap.setTaskExecutor(new SyncTaskExecutor()); // stamped on the Redis client's thread, as the gateway's hub does
        tap.afterPropertiesSet();
        tap.start();
        tap.addMessageListener((message, pattern) -> published.put(
                JSON.readTree(message.getBody()).get("eventId").asString(), Instant.now()), new ChannelTopic("wse:user:" + frank.id()));

        Map<Long, Instant> answered = new java.util.HashMap<>(); // stream version -> when the command's answer came
        for (int i = 0; i < events; i++) {
            var deposited = http.post("/api/accounts/" + account + "/deposit", frank.token(),
                    TestHttp.json(Map.of("amount", new BigDecimal("1.00"))));
            Instant at = Instant.now();
            assertThat(deposited.status()).as(deposited.toString()).isEqualTo(200);
            answered.put(deposited.body().get("version").asLong(), at);
        }
        await().atMost(PATIENCE).until(() -> feed.arrivals("account.funds-deposited").size() == events
                && feed.arrivals("account.funds-deposited").stream().allMatch(
                        arrival -> published.containsKey(arrival.message().get("eventId").asString())));

        var arrivals = feed.arrivals("account.funds-deposited");
        List<Long> fromOccurred = arrivals.stream().map(arrival -> micros(
                Instant.parse(arrival.message().get("at").asString()), arrival.at())).sorted().toList();
        List<Long> fromAnswer = arrivals.stream().map(arrival -> micros(
                answered.get(arrival.message().get("version").asLong()), arrival.at())).sorted().toList();
        List<Long> toRedis = arrivals.stream().map(arrival -> micros(
                answered.get(arrival.message().get("version").asLong()),
                published.get(arrival.message().get("eventId").asString()))).sorted().toList();
        List<Long> redisToSocket = arrivals.stream().map(arrival -> micros(
                published.get(arrival.message().get("eventId").asString()), arrival.at())).sorted().toList();
        tap.destroy();
        String report = summary("occurred-at -> received", fromOccurred) + System.lineSeparator()
                + summary("command answered -> received", fromAnswer) + System.lineSeparator()
                + summary("command answered -> on the Redis channel", toRedis) + System.lineSeparator()
                + summary("on the Redis channel -> received", redisToSocket) + System.lineSeparator();
        System.out.print(report);
        Files.writeString(Path.of("target", "live-latency.txt"), report);
        assertThat(fromOccurred).hasSize(events);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static long micros(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1000;
    }

    private static String summary(String what, List<Long> sortedMicros) {
        return "live latency (%s), %d events: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, min %.1f ms, max %.1f ms".formatted(
                what, sortedMicros.size(), percentile(sortedMicros, 50), percentile(sortedMicros, 90),
                percentile(sortedMicros, 99), sortedMicros.getFirst() / 1000.0, sortedMicros.getLast() / 1000.0);
    }

    private static double percentile(List<Long> sortedMicros, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, index)) / 1000.0;
    }

    private static void assertOnlyOwnEvents(LiveClient feed, User owner, String othersOrder, String othersAccount) {
        assertThat(feed.events()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.get("payload").get("userId").asString()).isEqualTo(owner.id());
            assertThat(event.toString()).doesNotContain(othersOrder).doesNotContain(othersAccount);
        });
    }

    private static boolean is(JsonNode event, String type, String field, String value) {
        return event.has("eventId") && type.equals(event.get("type").asString())
                && value.equals(event.get("payload").path(field).asString(""));
    }

    private long subscribers(User user) {
        String channel = "wse:user:" + user.id();
        byte[] name = channel.getBytes(StandardCharsets.UTF_8);
        Map<byte[], Long> counts = redis.execute((RedisCallback<Map<byte[], Long>>) connection -> {
            @SuppressWarnings("unchecked")
            var lettuce = (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
            return lettuce.pubsubNumsub(name).toCompletableFuture().join();
        });
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private LiveClient connect(int onPort, User user) {
        LiveClient feed = new LiveClient();
        HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + user.token())
                .buildAsync(URI.create("ws://127.0.0.1:" + onPort + "/api/live"), feed).join();
        clients.add(feed);
        feed.awaitMessage(message -> "live.subscribed".equals(message.get("type").asString()));
        return feed;
    }

    private ConfigurableApplicationContext secondInstance() {
        String brokers = io.tradecore.kafkabroker.KafkaBroker.shared().bootstrapServers();
        return new SpringApplicationBuilder(LocalStack.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + TestStack.DATABASE_URL,
                "--spring.datasource.username=" + TestStack.DATABASE_USER,
                "--tradecore.db.schema=" + isolation,
                "--tradecore.kafka.bootstrap-servers=" + brokers,
                "--tradecore.kafka.topic-prefix=" + isolation + ".",
                "--tradecore.kafka.partitions=4",
                "--tradecore.security.admin-usernames=root-admin",
                "--tradecore.virtual-broker.slippage-bps=0");
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    User register(String username) {
        var created = http.post("/api/users/create", null, TestHttp.json(
                Map.of("username", username, "email", username + "@example.com", "password", PASSWORD)));
        assertThat(created.status()).as(created.toString()).isIn(201, 409);
        var issued = http.post("/api/auth/token", null, TestHttp.json(Map.of("username", username, "password", PASSWORD)));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        return new User(created.text("streamId"), issued.text("access_token"));
    }

    private String fundedAccount(User user, String cash) {
        var opened = http.post("/api/accounts/open", user.token(), TestHttp.json(Map.of("name", "paper")));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String accountId = idOf(opened, "account-");
        var deposited = http.post("/api/accounts/" + accountId + "/deposit", user.token(),
                TestHttp.json(Map.of("amount", new BigDecimal(cash))));
        assertThat(deposited.status()).as(deposited.toString()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> {
            var account = http.get("/api/accounts/" + accountId, user.token());
            return account.status() == 200
                    && new BigDecimal(account.text("buyingPower")).compareTo(new BigDecimal(cash)) == 0;
        });
        return accountId;
    }

    private void tickAndWait(String symbol, String price) {
        String admin = register("root-admin").token();
        var ticked = http.post("/api/market/ticks", admin,
                TestHttp.json(Map.of("symbol", symbol, "price", new BigDecimal(price))));
        assertThat(ticked.status()).as(ticked.toString()).isIn(200, 201);
        await().atMost(PATIENCE).until(() -> {
            var instrument = http.get("/api/market/instruments/" + symbol, admin);
            String last = instrument.status() == 200 ? instrument.text("lastPrice") : null;
            return last != null && new BigDecimal(last).compareTo(new BigDecimal(price)) == 0;
        });
    }

    private String placeMarketBuy(User user, String account, String symbol, String quantity) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("accountId", account);
        order.put("symbol", symbol);
        order.put("side", "buy");
        order.put("quantity", new BigDecimal(quantity));
        order.put("type", "market");
        order.put("timeInForce", "gtc");
        var placed = http.post("/api/orders/place", user.token(), TestHttp.json(order));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return idOf(placed, "order-");
    }

    private static String idOf(TestHttp.Response created, String prefix) {
        String stream = created.text("streamId");
        return stream.startsWith(prefix) ? stream.substring(prefix.length()) : stream;
    }

    /** A WebSocket client that keeps every text message with its arrival time. */
    static final class LiveClient implements WebSocket.Listener {

        record Arrival(JsonNode message, Instant at) {
        }

        final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final boolean reading;
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket socket;

        LiveClient() {
            this(true);
        }

        /** {@code reading = false}: asks for the first message only, then reads nothing until {@link #resume()}. */
        LiveClient(boolean reading) {
            this.reading = reading;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                Instant at = Instant.now();
                arrivals.add(new Arrival(JSON.readTree(partial.toString()), at));
                partial.setLength(0);
            }
            if (reading || !last) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        void resume() {
            socket.request(Long.MAX_VALUE);
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        void abort() {
            if (socket != null) {
                socket.abort();
            }
        }

        List<JsonNode> events() {
            return arrivals.stream().map(Arrival::message).filter(message -> message.has("eventId")).toList();
        }

        List<Arrival> arrivals(String type) {
            return arrivals.stream().filter(arrival -> arrival.message().has("eventId")
                    && type.equals(arrival.message().get("type").asString())).toList();
        }

        JsonNode awaitMessage(Predicate<JsonNode> condition) {
            return await().atMost(PATIENCE).until(
                    () -> arrivals.stream().map(Arrival::message).filter(condition).findFirst().orElse(null),
                    java.util.Objects::nonNull);
        }
    }
}
