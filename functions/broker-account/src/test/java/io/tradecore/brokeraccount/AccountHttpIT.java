package io.tradecore.brokeraccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.testing.TestHttp;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Opening, funding and reading accounts through the HTTP gateway: own data only, bad input refused whole. */
class AccountHttpIT extends BrokerAccountIT {

    @Test
    void an_owner_opens_deposits_and_withdraws_and_reads_their_own_writes() {
        User owner = user();
        var opened = http.post("/api/accounts/open", owner.token(), TestHttp.json(Map.of("name", "Paper")));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.text("streamId").substring("account-".length());
        Account account = new Account(id, owner);

        assertThat(transfer(account, "deposit", "1000.50").status()).isEqualTo(200);
        var withdrawn = transfer(account, "withdraw", "200.25");
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);

        var read = http.get("/api/accounts/" + id, owner.token(), "X-Consistency-Token",
                withdrawn.text("consistencyToken"));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.text("userId")).isEqualTo(owner.id());
        assertThat(read.text("broker")).isEqualTo("virtual");
        assertThat(read.text("status")).isEqualTo("open");
        assertThat(read.text("currency")).isEqualTo("USD");
        assertThat(read.body().get("allowShorting").asBoolean()).isFalse();
        assertThat(read.body().get("cash").decimalValue()).isEqualByComparingTo("800.25");
        assertThat(read.body().get("buyingPower").decimalValue()).isEqualByComparingTo("800.25");
        assertThat(read.body().get("equity").decimalValue()).isEqualByComparingTo("800.25");
        assertThat(read.body().get("version").asLong()).isEqualTo(3);

        var activities = http.get("/api/accounts/" + id + "/activities", owner.token());
        assertThat(activities.status()).isEqualTo(200);
        assertThat(activities.body().get("items")).extracting(a -> a.get("kind").asString())
                .containsExactly("withdrawal", "deposit");
        assertThat(activities.body().get("items").get(0).get("amount").decimalValue()).isEqualByComparingTo("-200.25");

        var listed = http.get("/api/accounts", owner.token());
        assertThat(listed.body().get("items")).extracting(a -> a.get("accountId").asString()).containsExactly(id);
    }

    @Test
    void a_withdrawal_beyond_the_buying_power_is_refused_and_writes_nothing() {
        Account account = funded("100.00", false);
        long before = eventsIn(account.streamId());
        var answer = transfer(account, "withdraw", "100.01");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.text("code")).isEqualTo("insufficient-funds");
        assertThat(eventsIn(account.streamId())).isEqualTo(before);
    }

    @Test
    void another_users_account_is_not_found_and_stays_untouched() {
        Account account = funded("100.00", false);
        User intruder = user();
        long before = eventsIn(account.streamId());

        var read = http.get("/api/accounts/" + account.id(), intruder.token());
        var deposit = http.post("/api/accounts/" + account.id() + "/deposit", intruder.token(), "{\"amount\":5}");
        var withdraw = http.post("/api/accounts/" + account.id() + "/withdraw", intruder.token(), "{\"amount\":5}");
        var activities = http.get("/api/accounts/" + account.id() + "/activities", intruder.token());
        var listed = http.get("/api/accounts", intruder.token());

        assertThat(read.status()).isEqualTo(404);
        assertThat(deposit.status()).isEqualTo(404);
        assertThat(deposit.text("code")).isEqualTo("account-not-found");
        assertThat(withdraw.status()).isEqualTo(404);
        assertThat(activities.status()).isEqualTo(404);
        assertThat(listed.body().get("items")).isEmpty();
        assertThat(http.get("/api/accounts/" + account.id(), null).status()).isEqualTo(401);
        assertThat(eventsIn(account.streamId())).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            zero                 | {"amount":0}                | invalid-amount
            negative             | {"amount":-5}               | invalid-amount
            sub-cent             | {"amount":10.005}           | invalid-amount
            above the bound      | {"amount":10000000.01}      | invalid-amount
            missing              | {}                          | invalid-amount
            text                 | {"amount":"lots"}           | invalid-amount
            unknown field        | {"amount":5,"fee":1}        | invalid-fee
            """)
    void a_bad_amount_is_refused_with_a_reason_and_writes_nothing(String why, String body, String code) {
        Account account = funded("100.00", false);
        long before = allEvents();
        for (String kind : new String[] {"deposit", "withdraw"}) {
            var answer = http.post("/api/accounts/" + account.id() + "/" + kind, account.owner().token(), body);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.text("code")).isEqualTo(code);
            assertThat(answer.text("detail")).isNotBlank();
        }
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void a_bad_account_id_or_currency_is_refused() {
        User owner = user();
        long before = allEvents();
        var badId = http.post("/api/accounts/not-a-uuid/deposit", owner.token(), "{\"amount\":5}");
        var badCurrency = http.post("/api/accounts/open", owner.token(),
                TestHttp.json(Map.of("name", "x", "currency", "DOLLARS")));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.text("code")).isEqualTo("invalid-accountId");
        assertThat(badCurrency.status()).isEqualTo(400);
        assertThat(badCurrency.text("code")).isEqualTo("invalid-currency");
        assertThat(allEvents()).isEqualTo(before);
    }
}
