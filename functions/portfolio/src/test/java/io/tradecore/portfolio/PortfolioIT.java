package io.tradecore.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradecore.kernel.security.TokenService;
import io.tradecore.kernel.testing.TestHttp;
import io.tradecore.kernel.testing.TestStack;
import io.tradecore.portfolio.standin.StandInAccounts;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of portfolio's integration tests: one Spring context, a fresh schema and topic prefix, real PostgreSQL,
 * Kafka and Redis. broker_account, position and the virtual broker are not deployed here: their events are
 * delivered to the projector as the relay writes them (envelope JSON), as position's ITs deliver fills. Portfolio
 * events travel for real: event store, outbox relay, Kafka, projector. {@code getAccountById} is a stand-in.
 */
@SpringBootTest(classes = PortfolioTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PortfolioIT {

    private static final AtomicLong POSITIONS = new AtomicLong(1);

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TokenService tokens;

    @Autowired
    StandInAccounts.Registry accounts;

    @Autowired
    @Qualifier("projectPortfolios")
    Consumer<List<byte[]>> projectPortfolios;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    /** A user with a token and one account of theirs, known to the stand-in {@code getAccountById}. */
    record Trader(String userId, String accountId, String token) {
    }

    Trader trader() {
        String userId = UUID.randomUUID().toString();
        String accountId = UUID.randomUUID().toString();
        accounts.open(accountId, userId);
        return new Trader(userId, accountId, tokens.issue(userId, "u" + userId.substring(0, 8), Set.of())
                .access_token());
    }

    static String symbol() {
        return "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** Creates a portfolio over HTTP; answers its id and the consistency token to read it with. */
    String[] create(Trader owner, String name, String... accountIds) {
        var answer = http.post("/api/portfolios/create", owner.token(),
                TestHttp.json(Map.of("name", name, "accountIds", List.of(accountIds))));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return new String[] {answer.text("streamId").substring("portfolio-".length()), answer.text("consistencyToken")};
    }

    // --- foreign events, as the relay writes them ---

    void deliver(byte[] event) {
        projectPortfolios.accept(List.of(event));
    }

    static byte[] opened(Trader trader, long version, Instant at) {
        return event("account-" + trader.accountId(), "broker_account", version, "account.opened", trader.userId(),
                fields("accountId", trader.accountId(), "userId", trader.userId(), "broker", "virtual",
                        "name", "Main", "currency", "USD", "allowShorting", false, "at", at.toString()));
    }

    static byte[] deposited(Trader trader, long version, String amount, String cashAfter, Instant at) {
        return event("account-" + trader.accountId(), "broker_account", version, "account.funds-deposited",
                trader.userId(), fields("accountId", trader.accountId(), "userId", trader.userId(),
                        "transferId", UUID.randomUUID().toString(), "amount", new BigDecimal(amount),
                        "cash", new BigDecimal(cashAfter), "at", at.toString()));
    }

    static byte[] settled(Trader trader, long version, String symbol, String side, String quantity, String price,
                          String cashChange, String cashAfter, Instant at) {
        return event("account-" + trader.accountId(), "broker_account", version, "account.fill-settled",
                trader.userId(), fields("accountId", trader.accountId(), "userId", trader.userId(),
                        "orderId", UUID.randomUUID().toString(), "fillId", UUID.randomUUID().toString(),
                        "symbol", symbol, "side", side, "quantity", new BigDecimal(quantity),
                        "price", new BigDecimal(price), "commission", new BigDecimal("0.00"),
                        "cashChange", new BigDecimal(cashChange), "cash", new BigDecimal(cashAfter),
                        "reservedCashUsed", BigDecimal.ZERO, "reservedQuantityUsed", BigDecimal.ZERO,
                        "at", at.toString()));
    }

    static byte[] positionOpened(Trader trader, String symbol, String quantity, String price, Instant at) {
        return event("position-" + trader.accountId() + "-" + symbol, "position", 1, "position.opened",
                trader.userId(), fields("accountId", trader.accountId(), "userId", trader.userId(), "symbol", symbol,
                        "side", "long", "quantity", new BigDecimal(quantity), "averageEntryPrice", new BigDecimal(price),
                        "fillId", UUID.randomUUID().toString(), "at", at.toString()));
    }

    static byte[] positionReduced(Trader trader, String symbol, long version, String quantity, String price,
                                  String realized, String left, Instant at) {
        return event("position-" + trader.accountId() + "-" + symbol, "position", version, "position.reduced",
                trader.userId(), fields("accountId", trader.accountId(), "userId", trader.userId(), "symbol", symbol,
                        "fillId", UUID.randomUUID().toString(), "quantity", new BigDecimal(quantity),
                        "price", new BigDecimal(price), "realizedPnl", new BigDecimal(realized),
                        "newQuantity", new BigDecimal(left), "at", at.toString()));
    }

    static byte[] ticked(String symbol, long sequence, String price, Instant at) {
        return event("vb-symbol-" + symbol, "virtual_broker", sequence, "virtual-broker.price-ticked", null,
                fields("symbol", symbol, "price", new BigDecimal(price), "sequence", sequence, "at", at.toString()));
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    /** The shape of {@code EventCodec.toMessage}. */
    private static byte[] event(String streamId, String streamType, long version, String type, String userId,
                                Map<String, Object> payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("streamId", streamId);
        envelope.put("streamType", streamType);
        envelope.put("version", version);
        envelope.put("position", POSITIONS.getAndIncrement());
        envelope.put("type", type);
        envelope.put("schemaVersion", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("correlationId", UUID.randomUUID().toString());
        envelope.put("causationId", UUID.randomUUID().toString());
        if (userId != null) {
            envelope.put("userId", userId);
        }
        envelope.put("payload", payload);
        return TestHttp.json(envelope).getBytes(StandardCharsets.UTF_8);
    }

    // --- reading ---

    /** A GET that waits (bounded) for the portfolio projector to reach {@code token}. */
    TestHttp.Response read(String path, Trader caller, String token) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get(path, caller.token(), "X-Consistency-Token", token), r -> r.status() != 503);
    }

    /** A raw GET (the SVG is no JSON). */
    HttpResponse<String> raw(String path, String token) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static org.w3c.dom.Document xml(String text) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static BigDecimal decimal(JsonNode node, String field) {
        return node.get(field).decimalValue();
    }

    long portfolioEvents() {
        return jdbc.sql("SELECT count(*) FROM event_store_events WHERE stream_type = 'portfolio'")
                .query(Long.class).single();
    }
}
