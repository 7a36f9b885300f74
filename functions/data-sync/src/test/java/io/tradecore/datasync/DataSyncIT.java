package io.tradecore.datasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradecore.datasync.domain.SyncEvent.SyncRequested;
import io.tradecore.datasync.standin.FixedHistoryBroker;
import io.tradecore.datasync.standin.StandIns;
import io.tradecore.datasync.sync.HistorySync;
import io.tradecore.datasync.sync.HistorySync.Outcome;
import io.tradecore.datasync.sync.SyncLocks;
import io.tradecore.kernel.security.TokenService;
import io.tradecore.kernel.testing.TestHttp;
import io.tradecore.kernel.testing.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The history sync against real PostgreSQL, Kafka and Redis, with a broker that plays a fixed history page by page
 * (two records a page). Effects are counted as events in the store: the sync stream's import events are what other
 * domains import, so "one set of effects" is one set of those events.
 */
@SpringBootTest(classes = DataSyncTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DataSyncIT {

    static final Instant START = Instant.parse("2026-03-02T14:30:00Z");
    static final Set<String> IMPORTS = Set.of("sync.order-imported", "sync.order-updated", "sync.fill-imported",
            "sync.balance-observed");

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
    StandIns.World world;

    @Autowired
    HistorySync sync;

    @Autowired
    StringRedisTemplate redis;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    record Trader(String userId, String token, String accountId, FixedHistoryBroker broker) {
    }

    Trader connectedTrader() {
        String userId = UUID.randomUUID().toString();
        String accountId = UUID.randomUUID().toString();
        FixedHistoryBroker broker = FixedHistoryBroker.typical(START, 2);
        world.connected(accountId, userId, UUID.randomUUID().toString(), broker);
        return new Trader(userId, tokens.issue(userId, "t-" + userId.substring(0, 8), Set.of()).access_token(),
                accountId, broker);
    }

    @Test
    void a_requested_sync_runs_through_the_worker_topic_and_a_second_run_changes_nothing() {
        Trader trader = connectedTrader();

        var first = http.post("/api/sync/request", trader.token(), TestHttp.json(Map.of("accountId", trader.accountId())));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode status = statusWhen(trader, s -> completedRuns(s) == 1);
        assertThat(importCounts(trader.accountId())).isEqualTo(Map.of("sync.order-imported", 5L,
                "sync.fill-imported", 4L, "sync.balance-observed", 1L));
        JsonNode run = status.path("runs").get(0);
        assertThat(run.path("ordersImported").asInt()).isEqualTo(5);
        assertThat(run.path("fillsImported").asInt()).isEqualTo(4);
        assertThat(run.path("balancesObserved").asInt()).isEqualTo(1);
        assertThat(status.path("ordersCursor").asString()).isEqualTo(START.plusSeconds(240).toString());
        assertThat(status.path("activitiesCursor").asString()).isEqualTo(START.plusSeconds(181).toString());

        var second = http.post("/api/sync/request", trader.token(), TestHttp.json(Map.of("accountId", trader.accountId())));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        JsonNode after = statusWhen(trader, s -> completedRuns(s) == 2);
        assertThat(importCounts(trader.accountId())).isEqualTo(Map.of("sync.order-imported", 5L,
                "sync.fill-imported", 4L, "sync.balance-observed", 1L));
        JsonNode latest = after.path("runs").get(0);
        assertThat(List.of(latest.path("ordersImported").asInt(), latest.path("fillsImported").asInt(),
                latest.path("balancesObserved").asInt(), latest.path("pages").asInt())).containsOnly(0);
        // the second run asked from the stored cursors, not from the beginning
        assertThat(trader.broker().calls().subList(trader.broker().calls().size() - 3, trader.broker().calls().size()))
                .extracting(FixedHistoryBroker.Call::since)
                .containsExactly(START.plusSeconds(240), START.plusSeconds(181), null);
    }

    @Test
    void a_broker_failing_mid_way_fails_the_run_and_the_next_run_resumes_from_the_cursor() {
        Trader failing = connectedTrader();
        Trader clean = connectedTrader();
        failing.broker().failOnCall(2); // the second page of orders answers 503

        assertThat(sync.run(request(failing))).isEqualTo(Outcome.FAILED);
        JsonNode failed = statusWhen(failing, s -> "failed".equals(s.path("runs").get(0).path("status").asString()));
        JsonNode run = failed.path("runs").get(0);
        assertThat(run.path("errorCode").asString()).isEqualTo("broker-unavailable");
        assertThat(run.path("ordersImported").asInt()).isEqualTo(2);
        assertThat(run.path("finishedAt").isNull()).isFalse();
        assertThat(failed.path("ordersCursor").asString()).isEqualTo(START.plusSeconds(60).toString());

        int before = failing.broker().calls().size();
        assertThat(sync.run(request(failing))).isEqualTo(Outcome.COMPLETED);
        assertThat(failing.broker().calls().get(before)).isEqualTo(new FixedHistoryBroker.Call("orders",
                START.plusSeconds(60)));
        assertThat(sync.run(request(clean))).isEqualTo(Outcome.COMPLETED);

        assertThat(imports(failing.accountId())).isEqualTo(imports(clean.accountId()));
        assertThat(importCounts(failing.accountId())).isEqualTo(Map.of("sync.order-imported", 5L,
                "sync.fill-imported", 4L, "sync.balance-observed", 1L));
    }

    @Test
    void the_lock_keeps_a_second_worker_off_an_account_being_synced() throws Exception {
        Trader trader = connectedTrader();
        var arrived = trader.broker().holdNextCall();
        CompletableFuture<Outcome> firstWorker = CompletableFuture.supplyAsync(() -> sync.run(request(trader)));
        assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(redis.hasKey(SyncLocks.key(trader.accountId()))).isTrue();

        assertThat(sync.run(request(trader))).isEqualTo(Outcome.BUSY);
        assertThat(trader.broker().calls()).hasSize(1);

        trader.broker().release();
        assertThat(firstWorker.get(60, TimeUnit.SECONDS)).isEqualTo(Outcome.COMPLETED);
        assertThat(redis.hasKey(SyncLocks.key(trader.accountId()))).isFalse();
        assertThat(importCounts(trader.accountId())).isEqualTo(Map.of("sync.order-imported", 5L,
                "sync.fill-imported", 4L, "sync.balance-observed", 1L));
        assertThat(runsStarted(trader.accountId())).isEqualTo(1);
    }

    @Test
    void only_the_callers_own_connected_account_can_be_synced_and_a_refusal_writes_nothing() {
        Trader owner = connectedTrader();
        Trader other = connectedTrader();
        String paper = UUID.randomUUID().toString();
        world.paper(paper, owner.userId());

        var foreign = http.post("/api/sync/request", other.token(), TestHttp.json(Map.of("accountId", owner.accountId())));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.text("code")).isEqualTo("account-not-found");
        var virtual = http.post("/api/sync/request", owner.token(), TestHttp.json(Map.of("accountId", paper)));
        assertThat(virtual.status()).isEqualTo(422);
        assertThat(virtual.text("code")).isEqualTo("account-not-connected");
        var malformed = http.post("/api/sync/request", owner.token(), TestHttp.json(Map.of("accountId", "nope")));
        assertThat(malformed.status()).isEqualTo(400);
        var future = http.post("/api/sync/request", owner.token(), TestHttp.json(Map.of("accountId", owner.accountId(),
                "since", "2999-01-01T00:00:00Z")));
        assertThat(future.status()).isEqualTo(400);

        assertThat(streamEvents(owner.accountId()) + streamEvents(paper)).isZero();
        assertThat(http.get("/api/sync/accounts/" + owner.accountId(), other.token()).status()).isEqualTo(404);
    }

    @Test
    void the_scheduled_job_requests_a_sync_for_each_connected_account_and_none_for_paper_ones() {
        Trader trader = connectedTrader();
        String paper = UUID.randomUUID().toString();
        trackConnectedAccounts.accept(List.of(opened(trader.accountId(), trader.userId(), "stub", "c-1", 1),
                opened(paper, trader.userId(), "virtual", null, 1)));

        long requested = requestScheduledSyncs.get().processed();

        assertThat(requested).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT payload->>'trigger' FROM event_store_events
                        WHERE stream_id = :s AND event_type = 'sync.requested'""")
                .param("s", "sync-" + trader.accountId()).query(String.class).list()).containsExactly("schedule");
        assertThat(streamEvents(paper)).isZero();
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("trackConnectedAccounts")
    java.util.function.Consumer<List<byte[]>> trackConnectedAccounts;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestScheduledSyncs")
    java.util.function.Supplier<io.tradecore.kernel.function.JobReport> requestScheduledSyncs;

    /** broker_account's {@code account.opened}, as the relay writes it to Kafka. */
    static byte[] opened(String accountId, String userId, String broker, String connectionId, long position) {
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("accountId", accountId);
        payload.put("userId", userId);
        payload.put("broker", broker);
        payload.put("connectionId", connectionId);
        payload.put("name", broker + " PA-1");
        payload.put("currency", "USD");
        payload.put("allowShorting", false);
        payload.put("at", Instant.now().toString());
        Map<String, Object> envelope = new java.util.LinkedHashMap<>();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("streamId", "account-" + accountId);
        envelope.put("streamType", "broker_account");
        envelope.put("version", 1);
        envelope.put("position", position);
        envelope.put("type", "account.opened");
        envelope.put("schemaVersion", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("userId", userId);
        envelope.put("payload", payload);
        return TestHttp.json(envelope).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    SyncRequested request(Trader trader) {
        return new SyncRequested(trader.accountId(), trader.userId(), UUID.randomUUID().toString(), null, "user",
                Instant.now());
    }

    JsonNode statusWhen(Trader trader, Predicate<JsonNode> until) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var answer = http.get("/api/sync/accounts/" + trader.accountId(), trader.token());
            if (answer.status() == 200 && until.test(answer.body())) {
                seen[0] = answer.body();
                return true;
            }
            return false;
        });
        return seen[0];
    }

    static long completedRuns(JsonNode status) {
        long completed = 0;
        for (JsonNode run : status.path("runs")) {
            completed += "completed".equals(run.path("status").asString()) ? 1 : 0;
        }
        return completed;
    }

    Map<String, Long> importCounts(String accountId) {
        return jdbc.sql("SELECT event_type, payload FROM event_store_events WHERE stream_id = :s")
                .param("s", "sync-" + accountId).query((rs, i) -> rs.getString(1)).list().stream()
                .filter(IMPORTS::contains).collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    }

    /** The import events with their broker ids and contents, without run ids, times or account. */
    List<String> imports(String accountId) {
        return jdbc.sql("""
                        SELECT event_type, payload - 'runId' - 'at' - 'accountId' - 'userId' AS body
                        FROM event_store_events WHERE stream_id = :s AND event_type IN (:types)
                        ORDER BY event_type, payload->>'brokerOrderId', payload->>'fillId'""")
                .param("s", "sync-" + accountId).param("types", IMPORTS)
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2)).list();
    }

    long runsStarted(String accountId) {
        return jdbc.sql("SELECT count(*) FROM event_store_events WHERE stream_id = :s AND event_type = 'sync.run-started'")
                .param("s", "sync-" + accountId).query(Long.class).single();
    }

    long streamEvents(String accountId) {
        return jdbc.sql("SELECT count(*) FROM event_store_events WHERE stream_id = :s")
                .param("s", "sync-" + accountId).query(Long.class).single();
    }
}
