package io.tradecore.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.testing.TestHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PortfolioAccessIT extends PortfolioIT {

    @Test
    void an_owner_creates_renames_changes_and_deletes_a_portfolio() {
        Trader ada = trader();
        String second = UUID();
        accounts.open(second, ada.userId());
        String[] created = create(ada, "Growth", ada.accountId());
        String base = "/api/portfolios/" + created[0];
        JsonNode portfolio = read(base, ada, created[1]).body();
        assertThat(portfolio.get("name").asString()).isEqualTo("Growth");
        assertThat(portfolio.get("accountIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly(ada.accountId());

        var renamed = http.post(base + "/rename", ada.token(), TestHttp.json(Map.of("name", "Income")));
        var added = http.post(base + "/add-account", ada.token(), TestHttp.json(Map.of("accountId", second)));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        var removed = http.post(base + "/remove-account", ada.token(),
                TestHttp.json(Map.of("accountId", ada.accountId())));
        assertThat(List.of(renamed.status(), removed.status())).containsExactly(200, 200);
        JsonNode changed = read(base, ada, removed.text("consistencyToken")).body();
        assertThat(changed.get("name").asString()).isEqualTo("Income");
        assertThat(changed.get("accountIds").valueStream().map(JsonNode::asString).toList()).containsExactly(second);
        var last = http.post(base + "/remove-account", ada.token(), TestHttp.json(Map.of("accountId", second)));
        assertThat(last.status()).isEqualTo(422);
        assertThat(last.text("code")).isEqualTo("last-account");

        List<String> mine = http.get("/api/portfolios", ada.token()).body().get("items").valueStream()
                .map(item -> item.get("portfolioId").asString()).toList();
        assertThat(mine).containsExactly(created[0]);

        var deleted = http.post(base + "/delete", ada.token(), "{}");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(read(base, ada, deleted.text("consistencyToken")).status()).isEqualTo(404);
        assertThat(http.get("/api/portfolios", ada.token()).body().get("items").size()).isZero();
    }

    @Test
    void another_users_account_is_refused_and_nothing_is_written() {
        Trader ada = trader();
        Trader eve = trader();
        long before = portfolioEvents();

        var refused = http.post("/api/portfolios/create", eve.token(),
                TestHttp.json(Map.of("name", "Mine now", "accountIds", List.of(eve.accountId(), ada.accountId()))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
        assertThat(refused.text("code")).isEqualTo("account-not-found");
        var unknown = http.post("/api/portfolios/create", eve.token(),
                TestHttp.json(Map.of("name", "Ghost", "accountIds", List.of(UUID()))));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(portfolioEvents()).isEqualTo(before);

        String[] evePortfolio = create(eve, "Eve", eve.accountId());
        long after = portfolioEvents();
        var sneaked = http.post("/api/portfolios/" + evePortfolio[0] + "/add-account", eve.token(),
                TestHttp.json(Map.of("accountId", ada.accountId())));
        assertThat(sneaked.status()).isEqualTo(404);
        assertThat(portfolioEvents()).isEqualTo(after);
    }

    @Test
    void another_users_portfolio_is_not_visible_nor_changeable() {
        Trader ada = trader();
        Trader eve = trader();
        String[] created = create(ada, "Private", ada.accountId());
        String base = "/api/portfolios/" + created[0];
        assertThat(read(base, ada, created[1]).status()).isEqualTo(200);

        for (String path : List.of(base, base + "/metrics", base + "/equity", base + "/daily-pnl", base + "/exposure")) {
            var answer = http.get(path, eve.token());
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.text("code")).isEqualTo("portfolio-not-found");
        }
        assertThat(http.get("/api/portfolios", eve.token()).body().get("items").size()).isZero();
        assertThat(http.post(base + "/rename", eve.token(), TestHttp.json(Map.of("name", "Mine"))).status())
                .isEqualTo(404);
        assertThat(http.post(base + "/delete", eve.token(), "{}").status()).isEqualTo(404);
        assertThat(http.get(base, null).status()).isEqualTo(401);
        assertThat(http.get("/api/portfolios/not-a-uuid", ada.token()).status()).isEqualTo(400);
        var blank = http.post("/api/portfolios/create", ada.token(),
                TestHttp.json(Map.of("name", " ", "accountIds", List.of(ada.accountId()))));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(http.get(base, ada.token()).body().get("name").asString()).isEqualTo("Private");
    }

    private static String UUID() {
        return java.util.UUID.randomUUID().toString();
    }
}
