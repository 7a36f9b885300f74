package io.tradecore.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.testing.TestHttp;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input is refused with a code before anything is written. */
class AlertInputIT extends AutomationIT {

    @Test
    void bad_alerts_are_refused_with_a_code_and_nothing_is_written() {
        User ada = user();
        User other = user();
        String acme = listed("100");
        String unpriced = listed(null);
        String othersAccount = UUID.randomUUID().toString();
        market.open(othersAccount, other.id());
        String past = clock.instant().minus(Duration.ofMinutes(1)).toString();

        refused(ada, alert(acme, "sideways", "threshold", "100"), 400, "condition");
        refused(ada, alert(acme, "crossing"), 400, "threshold");
        refused(ada, alert(acme, "percent_move", "percent", "-5"), 400, "percent");
        refused(ada, alert(acme, "greater_than", "threshold", "-1"), 400, null);
        refused(ada, alert(acme, "crossing", "threshold", "100", "percent", "5"), 400, "percent");
        refused(ada, alert(acme, "crossing", "threshold", "100", "frequency", "sometimes"), 400, "frequency");
        refused(ada, alert("NOSUCH", "crossing", "threshold", "100"), 422, null);
        refused(ada, alert(unpriced, "percent_move", "percent", "5"), 422, null);
        refused(ada, alert(acme, "crossing", "threshold", "100", "expiresAt", past), 422, null);
        refused(ada, alert(acme, "crossing", "threshold", "100", "action",
                action(othersAccount, "market", null)), 404, null);
        refused(ada, alert(acme, "crossing", "threshold", "100", "action",
                action(othersAccount, "limit", null)), 400, "action.limitPrice");

        assertThat(alertEvents(acme)).isZero();
        assertThat(alertEvents(unpriced)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM alert_books WHERE symbol IN (?, ?)").params(acme, unpriced)
                .query(Long.class).single()).isZero();
        assertThat(http.post("/api/alerts/create", null, TestHttp.json(alert(acme, "crossing", "threshold", "1")))
                .status()).isEqualTo(401);
    }

    @Test
    void an_alert_with_an_action_on_the_callers_own_account_is_kept_with_its_action() {
        User ada = user();
        String acme = listed("100");
        String account = UUID.randomUUID().toString();
        market.open(account, ada.id());
        String alertId = createOk(ada, alert(acme, "crossing_down", "threshold", "90", "action",
                action(account, "limit", "89.5")));
        var alert = awaitAlert(ada, alertId, a -> a.get("action") != null && !a.get("action").isNull());
        assertThat(alert.get("action").get("accountId").asString()).isEqualTo(account);
        assertThat(alert.get("action").get("type").asString()).isEqualTo("limit");
        assertThat(alert.get("action").get("limitPrice").decimalValue()).isEqualByComparingTo("89.5");
    }

    private static Map<String, Object> action(String accountId, String type, String limitPrice) {
        var action = new java.util.LinkedHashMap<String, Object>();
        action.put("accountId", accountId);
        action.put("side", "buy");
        action.put("quantity", 10);
        action.put("type", type);
        if (limitPrice != null) {
            action.put("limitPrice", new java.math.BigDecimal(limitPrice));
        }
        action.put("timeInForce", "day");
        return action;
    }

    private void refused(User user, Map<String, Object> alert, int status, String field) {
        var answer = create(user, alert);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.body().get("code")).as(answer.toString()).isNotNull();
        if (field != null) {
            assertThat(answer.raw()).as(answer.toString()).contains("\"" + field + "\"");
        }
    }
}
