package io.tradecore.portfolio.domain.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradecore.portfolio.domain.book.AccountBook;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One account, one symbol, six days, every number worked out by hand (commissions 0, prices per share):
 * <pre>
 * day  UTC 15:00 on   event                               cash    ACME  price  equity  net flows
 * d0   2025-03-03     deposit 10 000                      10 000     0    -    10 000   10 000
 * d1   2025-03-04     buy 100 ACME @ 100                       0   100   100   10 000   10 000
 * d2   2025-03-05     tick 110                                 0   100   110   11 000   10 000
 * d3   2025-03-06     deposit 11 000                      11 000   100   110   22 000   21 000
 * d4   2025-03-07     tick 90; sell 20 @ 90 (realized -200)  12 800   80    90   20 000   21 000
 * d5   2025-03-08     tick 105; sell 30 @ 105 (realized +150) 15 950  50   105   21 200   21 000
 * </pre>
 * (d4: 11 000 + 100 x 90 = 20 000 before the sale, 12 800 + 80 x 90 after; d5: 12 800 + 80 x 105 = 21 200 before,
 * 15 950 + 50 x 105 after.) One point per day (the tick and the sale share a minute).
 *
 * <p>Sub-period returns r = (E[i] - flow) / E[i-1] - 1: d1 10 000/10 000 - 1 = 0; d2 11 000/10 000 - 1 = 0.1;
 * d3 (22 000 - 11 000)/11 000 - 1 = 0; d4 20 000/22 000 - 1 = -1/11 = -0.090909...; d5 21 200/20 000 - 1 = 0.06.
 * TWR = 1 x 1.1 x 1 x (10/11) x 1.06 - 1 = 1.06 - 1 = <b>0.06</b>.
 *
 * <p>MWR, time as a fraction of the 5 days: -10 000 at 0, -11 000 at 3/5, +21 200 at 1:
 * -10 000 - 11 000 (1+r)^-0.6 + 21 200 (1+r)^-1 = 0. Modified Dietz guesses 200 / (10 000 + 11 000 x 0.4) =
 * 0.0138889; one Newton step from there: f = -10 000 - 11 000 x 0.9917582 + 21 200 x 0.9863014 = +0.2493,
 * f' = 11 000 x 0.6 x (1+r)^-1.6 - 21 200 x (1+r)^-2 = -14 167.2, so r = 0.0138889 + 0.2493 / 14 167.2 =
 * <b>0.0139065</b> (f there: +0.000005, against flows of 10 000s). The money
 * came in just before the fall, so the investor earned less than the strategy: MWR 1.39% &lt; TWR 6%.
 *
 * <p>Growth index 1, 1, 1.1, 1.1, 1.0, 1.06: the peak 1.1 (d2) falls to 1.0 (d4): drawdown 1 - 1.0/1.1 =
 * <b>0.0909091</b>, not recovered by d5 (1.06 &lt; 1.1); as of d6 15:00 it has lasted d2 -> d6 = <b>4 days</b>.
 *
 * <p>Daily returns (closes as above): 0, 0.1, 0, -0.0909091, 0.06; mean = 0.0690909/5 = <b>0.0138182</b>.
 * Deviations from the mean: -0.0138182, 0.0861818, -0.0138182, -0.1047273, 0.0461818; squares 0.00019094,
 * 0.00742731, 0.00019094, 0.01096780, 0.00213276, sum 0.02090975; / (5-1) = 0.00522744; stdev = 0.0723010.
 * Volatility = 0.0723010 x sqrt(252) (15.874508) = <b>1.147743</b>. Sharpe (rf 0) = 0.0138182 / 0.0723010 x 15.874508
 * = <b>3.033938</b>. Downside deviation (target 0, over all 5): sqrt(0.0909091^2 / 5) = sqrt(0.00165289) = 0.0406558;
 * Sortino = 0.0138182 / 0.0406558 x 15.874508 = <b>5.395465</b>.
 *
 * <p>Daily P&L = change of close - flows: d0 0, d1 0, d2 +1 000, d3 (22 000 - 11 000) - 11 000 = 0, d4 -2 000,
 * d5 +1 200; they add up to the gain, 21 200 - 21 000 = 200.
 */
class PerformanceTest {

    private static final Instant D0 = Instant.parse("2025-03-03T15:00:00Z");

    private static Instant day(int n) {
        return D0.plus(Duration.ofDays(n));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** The table above, played through the account book as the projection plays the events. */
    static List<EquityPoint> scenario() {
        List<EquityPoint> points = new ArrayList<>();
        AccountBook book = AccountBook.empty().transferred(d("10000"), d("10000"));
        points.add(point(0, book, Map.of()));
        book = book.settled("ACME", true, d("100"), d("100"), d("0"));
        points.add(point(1, book, Map.of()));
        points.add(point(2, book, Map.of("ACME", d("110"))));
        book = book.transferred(d("11000"), d("11000"));
        points.add(point(3, book, Map.of("ACME", d("110"))));
        book = book.settled("ACME", false, d("20"), d("90"), d("12800"));
        points.add(point(4, book, Map.of("ACME", d("90"))));
        book = book.settled("ACME", false, d("30"), d("105"), d("15950"));
        points.add(point(5, book, Map.of("ACME", d("105"))));
        return points;
    }

    private static EquityPoint point(int n, AccountBook book, Map<String, BigDecimal> prices) {
        return new EquityPoint(day(n), book.equity(prices), book.netFlows());
    }

    @Test
    void the_account_book_values_the_scenario_as_the_table_says() {
        assertThat(scenario()).extracting(p -> p.equity().stripTrailingZeros().toPlainString())
                .containsExactly("10000", "10000", "11000", "22000", "20000", "21200");
        assertThat(scenario()).extracting(p -> p.netFlows().toPlainString())
                .containsExactly("10000", "10000", "10000", "21000", "21000", "21000");
    }

    @Test
    void time_weighted_return_chains_sub_periods_and_ignores_the_deposit() {
        List<BigDecimal> returns = Returns.subPeriod(scenario());
        assertThat(returns).hasSize(5);
        double[] expected = {0, 0.1, 0, -1.0 / 11, 0.06};
        for (int i = 0; i < expected.length; i++) {
            assertThat(returns.get(i).doubleValue()).isCloseTo(expected[i], within(1e-15));
        }
        assertThat(Returns.timeWeighted(scenario()).doubleValue()).isCloseTo(0.06, within(1e-12));
    }

    @Test
    void money_weighted_return_is_the_irr_and_is_lower_because_money_came_before_the_fall() {
        assertThat(Returns.moneyWeighted(scenario())).isCloseTo(0.0139065, within(1e-6));
    }

    @Test
    void drawdown_runs_from_the_peak_to_now_when_not_recovered() {
        Drawdown drawdown = Drawdown.of(scenario(), day(6));
        assertThat(drawdown.depth().doubleValue()).isCloseTo(1.0 / 11, within(1e-12));
        assertThat(drawdown.peakAt()).isEqualTo(day(2));
        assertThat(drawdown.troughAt()).isEqualTo(day(4));
        assertThat(drawdown.recoveredAt()).isNull();
        assertThat(drawdown.duration()).isEqualTo(Duration.ofDays(4));
    }

    @Test
    void drawdown_ends_at_the_recovery() {
        // index 1 -> 1.2 (peak, t1) -> 0.9 (t2: 1 - 0.9/1.2 = 0.25) -> 1.2 (t3: recovered) -> 1.5 -> 1.35 (0.1, shallower)
        List<EquityPoint> series = new ArrayList<>();
        String[] values = {"100", "120", "90", "120", "150", "135"};
        for (int i = 0; i < values.length; i++) {
            series.add(new EquityPoint(day(i), d(values[i]), d("100")));
        }
        Drawdown drawdown = Drawdown.of(series, day(10));
        assertThat(drawdown.depth().doubleValue()).isCloseTo(0.25, within(1e-12));
        assertThat(drawdown.peakAt()).isEqualTo(day(1));
        assertThat(drawdown.recoveredAt()).isEqualTo(day(3));
        assertThat(drawdown.duration()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void volatility_sharpe_and_sortino_from_daily_returns() {
        RiskStats risk = RiskStats.of(DailyPnl.returns(scenario()), 0);
        assertThat(risk.returns()).isEqualTo(5);
        assertThat(risk.meanDailyReturn()).isCloseTo(0.0138182, within(1e-7));
        assertThat(risk.volatility()).isCloseTo(1.147743, within(1e-6));
        assertThat(risk.sharpe()).isCloseTo(3.033938, within(1e-6));
        assertThat(risk.sortino()).isCloseTo(5.395465, within(1e-6));
    }

    @Test
    void a_risk_free_rate_is_taken_per_trading_day() {
        // rf 2.52% a year = 0.0001 a day: Sharpe (0.0138182 - 0.0001) / 0.0723010 x 15.874508 = 3.011982;
        // downside over r - 0.0001: only d4, -0.0910091: sqrt(0.0910091^2 / 5) = 0.0407005,
        // Sortino 0.0137182 / 0.0407005 x 15.874508 = 5.350527
        RiskStats risk = RiskStats.of(DailyPnl.returns(scenario()), 0.0252);
        assertThat(risk.sharpe()).isCloseTo(3.011982, within(1e-6));
        assertThat(risk.sortino()).isCloseTo(5.350527, within(1e-6));
    }

    @Test
    void daily_pnl_is_the_change_of_the_close_less_the_flows() {
        List<DailyPnl> days = DailyPnl.of(scenario());
        assertThat(days).extracting(DailyPnl::day).containsExactly(LocalDate.parse("2025-03-03"),
                LocalDate.parse("2025-03-04"), LocalDate.parse("2025-03-05"), LocalDate.parse("2025-03-06"),
                LocalDate.parse("2025-03-07"), LocalDate.parse("2025-03-08"));
        assertThat(days).extracting(day -> day.pnl().stripTrailingZeros().toPlainString())
                .containsExactly("0", "0", "1000", "0", "-2000", "1200");
        assertThat(days.get(3).flows()).isEqualByComparingTo("11000");
    }

    @Test
    void win_rate_and_profit_factor_from_realized_results() {
        // the scenario's two sales: -200 and +150: 1 win of 2 = 0.5; profit factor 150 / 200 = 0.75
        TradeStats scenario = TradeStats.of(List.of(d("-200"), d("150")));
        assertThat(scenario.winRate()).isEqualByComparingTo("0.5");
        assertThat(scenario.profitFactor()).isEqualByComparingTo("0.75");
        // +300, -100, +50, -50, 0: 2 wins of 5 = 0.4; 350 / 150 = 2.33333333
        TradeStats more = TradeStats.of(List.of(d("300"), d("-100"), d("50"), d("-50"), d("0")));
        assertThat(more.winRate()).isEqualByComparingTo("0.4");
        assertThat(more.profitFactor()).isEqualByComparingTo("2.33333333");
        assertThat(TradeStats.of(List.of(d("10"))).profitFactor()).isNull();
        assertThat(TradeStats.of(List.of()).winRate()).isNull();
    }

    @Test
    void a_portfolio_series_sums_its_accounts_latest_points() {
        List<EquityPoint> a = List.of(new EquityPoint(day(0), d("100"), d("100")),
                new EquityPoint(day(2), d("110"), d("100")));
        List<EquityPoint> b = List.of(new EquityPoint(day(1), d("50"), d("50")));
        assertThat(Series.combine(List.of(a, b))).containsExactly(
                new EquityPoint(day(0), d("100"), d("100")),
                new EquityPoint(day(1), d("150"), d("150")),
                new EquityPoint(day(2), d("160"), d("150")));
    }

    @Test
    void irr_falls_back_to_bisection_and_gives_up_without_a_root() {
        // doubling in one period: -100 at 0, +200 at 1 -> r = 1
        assertThat(Irr.solve(List.of(new Irr.CashFlow(0, -100), new Irr.CashFlow(1, 200)))).isCloseTo(1.0, within(1e-9));
        // money only paid in never has a rate
        assertThat(Irr.solve(List.of(new Irr.CashFlow(0, -100), new Irr.CashFlow(1, -5)))).isNull();
    }

    @Test
    void exposure_is_market_value_and_share_of_equity_per_symbol() {
        List<Exposure> exposure = Exposure.of(List.of(new Exposure.Line("ACME", d("50"), d("5250")),
                new Exposure.Line("ACME", d("10"), d("1050")), new Exposure.Line("BETA", d("-5"), d("-100"))),
                d("21000"));
        assertThat(exposure).containsExactly(
                new Exposure("ACME", d("60"), d("6300.00"), d("0.30000000")),
                new Exposure("BETA", d("-5"), d("-100.00"), d("-0.00476190")));
    }
}
