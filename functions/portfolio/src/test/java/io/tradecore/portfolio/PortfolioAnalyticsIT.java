package io.tradecore.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The scenario of {@code PerformanceTest} (its class comment has the hand computation), fed as broker_account,
 * position and virtual-broker events, read back over HTTP from a portfolio created over HTTP.
 */
class PortfolioAnalyticsIT extends PortfolioIT {

    private static final Instant D0 = Instant.parse("2025-03-03T15:00:00Z");

    private static Instant day(int n) {
        return D0.plus(Duration.ofDays(n));
    }

    @Test
    void a_portfolio_reports_the_hand_computed_metrics_of_its_accounts_events() throws Exception {
        Trader ada = trader();
        String acme = symbol();
        deliver(opened(ada, 1, D0.minusSeconds(60)));
        deliver(deposited(ada, 2, "10000", "10000", day(0)));
        deliver(settled(ada, 3, acme, "buy", "100", "100", "-10000", "0", day(1)));
        deliver(positionOpened(ada, acme, "100", "100", day(1)));
        deliver(ticked(acme, 1, "110", day(2)));
        deliver(deposited(ada, 4, "11000", "11000", day(3)));
        deliver(ticked(acme, 2, "90", day(4)));
        deliver(settled(ada, 5, acme, "sell", "20", "90", "1800", "12800", day(4).plusSeconds(30)));
        deliver(positionReduced(ada, acme, 2, "20", "90", "-200", "80", day(4).plusSeconds(30)));
        deliver(ticked(acme, 3, "105", day(5)));
        deliver(settled(ada, 6, acme, "sell", "30", "105", "3150", "15950", day(5).plusSeconds(30)));
        deliver(positionReduced(ada, acme, 3, "30", "105", "150", "50", day(5).plusSeconds(30)));

        String[] created = create(ada, "Growth", ada.accountId());
        String base = "/api/portfolios/" + created[0];
        String window = "?to=" + day(6);

        var metrics = read(base + "/metrics" + window, ada, created[1]);
        assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
        JsonNode m = metrics.body();
        assertThat(decimal(m, "startEquity")).isEqualByComparingTo("10000");
        assertThat(decimal(m, "endEquity")).isEqualByComparingTo("21200");
        assertThat(decimal(m, "netFlows")).isEqualByComparingTo("11000");
        assertThat(decimal(m, "pnl")).isEqualByComparingTo("200");
        assertThat(decimal(m, "timeWeightedReturn")).isEqualByComparingTo("0.06");
        assertThat(decimal(m, "moneyWeightedReturn").doubleValue()).isCloseTo(0.0139065, within(1e-6));
        assertThat(decimal(m, "maxDrawdown")).isEqualByComparingTo("0.09090909");
        assertThat(m.get("drawdownPeakAt").asString()).isEqualTo(day(2).toString());
        assertThat(m.get("drawdownTroughAt").asString()).isEqualTo(day(4).toString());
        assertThat(m.get("drawdownRecoveredAt").isNull()).isTrue();
        assertThat(m.get("drawdownDurationSeconds").asLong()).isEqualTo(Duration.ofDays(4).toSeconds());
        assertThat(m.get("dailyReturns").asInt()).isEqualTo(5);
        assertThat(decimal(m, "volatility").doubleValue()).isCloseTo(1.147743, within(1e-6));
        assertThat(decimal(m, "sharpe").doubleValue()).isCloseTo(3.033938, within(1e-6));
        assertThat(decimal(m, "sortino").doubleValue()).isCloseTo(5.395465, within(1e-6));
        assertThat(m.get("trades").asInt()).isEqualTo(2);
        assertThat(decimal(m, "winRate")).isEqualByComparingTo("0.5");
        assertThat(decimal(m, "profitFactor")).isEqualByComparingTo("0.75");

        JsonNode withRate = http.get(base + "/metrics" + window + "&riskFreeRate=0.0252", ada.token()).body();
        assertThat(decimal(withRate, "sharpe").doubleValue()).isCloseTo(3.011982, within(1e-6));
        assertThat(decimal(withRate, "sortino").doubleValue()).isCloseTo(5.350527, within(1e-6));

        JsonNode curve = http.get(base + "/equity" + window, ada.token()).body();
        assertThat(curve.get("points").valueStream().map(p -> p.get("equity").decimalValue().intValue()).toList())
                .containsExactly(10000, 10000, 11000, 22000, 20000, 21200);
        JsonNode daily = http.get(base + "/daily-pnl" + window, ada.token()).body();
        assertThat(daily.get("days").valueStream().map(d -> d.get("pnl").decimalValue().intValue()).toList())
                .containsExactly(0, 0, 1000, 0, -2000, 1200);

        JsonNode exposure = http.get(base + "/exposure", ada.token()).body();
        assertThat(decimal(exposure, "equity")).isEqualByComparingTo("21200");
        assertThat(decimal(exposure, "cash")).isEqualByComparingTo("15950");
        JsonNode held = exposure.get("items").get(0);
        assertThat(held.get("symbol").asString()).isEqualTo(acme);
        assertThat(decimal(held, "quantity")).isEqualByComparingTo("50");
        assertThat(decimal(held, "marketValue")).isEqualByComparingTo("5250");
        assertThat(decimal(held, "share")).isEqualByComparingTo("0.24764151"); // 5 250 / 21 200
    }

    @Test
    void a_window_starts_from_the_value_carried_forward_and_an_hour_interval_keeps_each_hours_last_value() {
        Trader bob = trader();
        String beta = symbol();
        deliver(opened(bob, 1, D0));
        deliver(deposited(bob, 2, "1000", "1000", D0));
        deliver(settled(bob, 3, beta, "buy", "10", "50", "-500", "500", D0.plusSeconds(60)));
        deliver(ticked(beta, 1, "60", D0.plusSeconds(600)));   // 500 + 600 = 1 100
        deliver(ticked(beta, 2, "40", D0.plusSeconds(1200)));  // 500 + 400 = 900, the hour's last
        String[] created = create(bob, "Hourly", bob.accountId());
        String base = "/api/portfolios/" + created[0];

        JsonNode minutes = read(base + "/equity?from=" + D0.plusSeconds(300) + "&to=" + D0.plusSeconds(3600), bob,
                created[1]).body();
        // carried forward to 15:05 (1 000), then 15:10 (1 100), 15:20 (900)
        assertThat(minutes.get("points").valueStream().map(p -> p.get("equity").decimalValue().intValue()).toList())
                .containsExactly(1000, 1100, 900);
        assertThat(minutes.get("points").get(0).get("at").asString()).isEqualTo(D0.plusSeconds(300).toString());
        JsonNode hours = http.get(base + "/equity?interval=hour&to=" + D0.plusSeconds(7200), bob.token()).body();
        assertThat(hours.get("points").valueStream().map(p -> p.get("equity").decimalValue().intValue()).toList())
                .containsExactly(900);
        assertThat(http.get(base + "/equity?interval=week", bob.token()).status()).isEqualTo(400);
        assertThat(http.get(base + "/metrics?from=yesterday", bob.token()).status()).isEqualTo(400);
    }

    @Test
    void the_equity_curve_is_an_svg_a_browser_shows() throws Exception {
        Trader cleo = trader();
        deliver(opened(cleo, 1, D0));
        deliver(deposited(cleo, 2, "500", "500", D0));
        deliver(deposited(cleo, 3, "250", "750", day(1)));
        String[] created = create(cleo, "Cleo's <Growth> & Income", cleo.accountId());
        String base = "/api/portfolios/" + created[0];
        read(base, cleo, created[1]);

        var chart = raw(base + "/equity.svg?to=" + day(2), cleo.token());
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("image/svg+xml"));
        var svg = xml(chart.body()).getDocumentElement();
        assertThat(svg.getLocalName()).isEqualTo("svg");
        assertThat(svg.getElementsByTagNameNS("*", "polyline").getLength()).isEqualTo(1);
        assertThat(svg.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .isEqualTo("Equity of Cleo's <Growth> & Income");
        assertThat(chart.body()).contains("Cleo&#39;s &lt;Growth&gt; &amp; Income").contains("750.00")
                .contains("500.00");

        var empty = raw(base + "/equity.svg?to=2020-01-01", cleo.token());
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(xml(empty.body()).getDocumentElement().getElementsByTagNameNS("*", "polyline").getLength())
                .isZero();
        assertThat(empty.body()).contains("No equity data for this period");

        Trader other = trader();
        assertThat(raw(base + "/equity.svg", other.token()).statusCode()).isEqualTo(404);
    }
}
