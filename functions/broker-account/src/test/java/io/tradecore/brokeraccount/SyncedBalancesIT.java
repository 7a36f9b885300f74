package io.tradecore.brokeraccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;

/**
 * A connected account's balances as the data-sync worker observed them at the broker ({@code sync.balance-observed})
 * reach the account ({@code account.balance-synced}) once per change, and its balance query shows them.
 */
class SyncedBalancesIT extends BrokerAccountIT {

    @Autowired
    @Qualifier("openConnectedAccounts")
    Consumer<List<byte[]>> openConnectedAccounts;

    @Autowired
    @Qualifier("importSyncedBalances")
    Consumer<List<byte[]>> importSyncedBalances;

    /** A connected alpaca account of a fresh user, opened as a completed connection opens it. */
    Account connected() {
        User owner = user();
        String connectionId = UUID.randomUUID().toString();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("connectionId", connectionId);
        payload.put("userId", owner.id());
        payload.put("broker", "alpaca");
        payload.put("accounts", List.of(Map.of("accountRef", "PA-1", "currency", "USD")));
        openConnectedAccounts.accept(List.of(envelope("connection-" + connectionId, "broker_connection", 3,
                "connection.completed", owner.id(), payload)));
        String key = "connection:" + connectionId + ":account:PA-1";
        Account account = new Account(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString(), owner);
        accountWhen(account, view -> "alpaca".equals(view.get("broker").asString()));
        return account;
    }

    static byte[] observed(Account account, long version, String cash, String buyingPower, String equity,
                           String at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("accountId", account.id());
        payload.put("userId", account.owner().id());
        payload.put("runId", UUID.randomUUID().toString());
        payload.put("currency", "USD");
        payload.put("cash", new BigDecimal(cash));
        payload.put("buyingPower", buyingPower == null ? null : new BigDecimal(buyingPower));
        payload.put("equity", equity == null ? null : new BigDecimal(equity));
        payload.put("at", at);
        return envelope("sync-" + account.id(), "data_sync", version, "sync.balance-observed", account.owner().id(),
                payload);
    }

    JsonNode accountWhen(Account account, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.get("/api/accounts/" + account.id(), account.owner().token()),
                        answer -> answer.status() == 200 && until.test(answer.body()))
                .body();
    }

    long balancesSynced(Account account) {
        return jdbc.sql("SELECT count(*) FROM event_store_events WHERE stream_id = ? AND event_type = ?")
                .param(account.streamId()).param("account.balance-synced").query(Long.class).single();
    }

    @Test
    void a_connected_accounts_broker_balance_shows_once_however_often_it_is_synced() {
        Account account = connected();

        importSyncedBalances.accept(List.of(observed(account, 5, "5033.00", "10066.004", "5533.00",
                "2026-03-02T15:00:00Z")));
        importSyncedBalances.accept(List.of(observed(account, 9, "5033", "10066", "5533", "2026-03-02T16:00:00Z")));

        JsonNode view = accountWhen(account, a -> !a.get("balanceSyncedAt").isNull());
        assertThat(view.get("cash").decimalValue()).isEqualByComparingTo("5033.00");
        assertThat(view.get("buyingPower").decimalValue()).isEqualByComparingTo("10066.00");
        assertThat(view.get("equity").decimalValue()).isEqualByComparingTo("5533.00");
        assertThat(view.get("balanceSyncedAt").asString()).isEqualTo("2026-03-02T15:00:00Z");
        assertThat(balancesSynced(account)).isEqualTo(1);

        importSyncedBalances.accept(List.of(observed(account, 12, "4000", null, null, "2026-03-02T17:00:00Z")));
        view = accountWhen(account, a -> a.get("cash").decimalValue().compareTo(new BigDecimal("4000")) == 0);
        assertThat(view.get("buyingPower").decimalValue()).isEqualByComparingTo("4000.00");
        assertThat(view.get("equity").decimalValue()).isEqualByComparingTo("4000.00");
        assertThat(balancesSynced(account)).isEqualTo(2);
    }

    @Test
    void a_paper_accounts_balance_is_never_synced() {
        Account paper = funded("100.00", false);
        long before = eventsIn(paper.streamId());

        importSyncedBalances.accept(List.of(observed(paper, 5, "5033.00", null, null, "2026-03-02T15:00:00Z")));

        assertThat(eventsIn(paper.streamId())).isEqualTo(before);
        JsonNode view = accountWhen(paper, a -> true);
        assertThat(view.get("cash").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(view.get("balanceSyncedAt").isNull()).isTrue();
    }
}
