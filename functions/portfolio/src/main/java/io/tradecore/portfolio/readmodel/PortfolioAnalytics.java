package io.tradecore.portfolio.readmodel;

import io.tradecore.kernel.function.Document;
import io.tradecore.portfolio.api.PortfolioQueries.Window;
import io.tradecore.portfolio.api.PortfolioViews.DailyPnlView;
import io.tradecore.portfolio.api.PortfolioViews.Day;
import io.tradecore.portfolio.api.PortfolioViews.EquityCurve;
import io.tradecore.portfolio.api.PortfolioViews.ExposureItem;
import io.tradecore.portfolio.api.PortfolioViews.ExposureView;
import io.tradecore.portfolio.api.PortfolioViews.Metrics;
import io.tradecore.portfolio.api.PortfolioViews.Point;
import io.tradecore.portfolio.api.PortfolioViews.PortfolioView;
import io.tradecore.portfolio.chart.EquityChart;
import io.tradecore.portfolio.domain.performance.DailyPnl;
import io.tradecore.portfolio.domain.performance.Drawdown;
import io.tradecore.portfolio.domain.performance.EquityPoint;
import io.tradecore.portfolio.domain.performance.Exposure;
import io.tradecore.portfolio.domain.performance.Returns;
import io.tradecore.portfolio.domain.performance.RiskStats;
import io.tradecore.portfolio.domain.performance.TradeStats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads a portfolio's series and hands them to the pure analytics; rounds what it shows. */
public final class PortfolioAnalytics {

    private static final int RATIO_SCALE = 8;

    private final PortfolioReadModel portfolios;

    public PortfolioAnalytics(PortfolioReadModel portfolios) {
        this.portfolios = portfolios;
    }

    public EquityCurve curve(PortfolioView portfolio, Window window, Instant now) {
        Instant end = window.end(now);
        List<Point> points = series(portfolio, window, end).stream()
                .map(p -> new Point(p.at(), money(p.equity()), money(p.netFlows()))).toList();
        return new EquityCurve(portfolio.portfolioId(), window.start(), end, window.step().toString(), points);
    }

    public Document chart(PortfolioView portfolio, Window window, Instant now) {
        String svg = EquityChart.render("Equity of " + portfolio.name(), series(portfolio, window, window.end(now)));
        return new Document("image/svg+xml", svg.getBytes(StandardCharsets.UTF_8));
    }

    public DailyPnlView daily(PortfolioView portfolio, Window window, Instant now) {
        Instant end = window.end(now);
        List<Day> days = DailyPnl.of(series(portfolio, window, end)).stream()
                .map(d -> new Day(d.day(), money(d.close()), money(d.flows()), money(d.pnl()), ratio(d.dailyReturn())))
                .toList();
        return new DailyPnlView(portfolio.portfolioId(), window.start(), end, days);
    }

    public Metrics metrics(PortfolioView portfolio, Window window, Instant now) {
        Instant end = window.end(now);
        List<EquityPoint> series = series(portfolio, window, end);
        Drawdown drawdown = Drawdown.of(series, end);
        RiskStats risk = RiskStats.of(DailyPnl.returns(series), window.annualRiskFreeRate());
        TradeStats trades = TradeStats.of(portfolios.tradeResults(accounts(portfolio), window.start(), end));
        EquityPoint first = series.isEmpty() ? null : series.getFirst();
        EquityPoint last = series.isEmpty() ? null : series.getLast();
        BigDecimal flows = first == null ? null : last.netFlows().subtract(first.netFlows());
        return new Metrics(portfolio.portfolioId(), window.start(), end, window.step().toString(),
                first == null ? null : money(first.equity()), last == null ? null : money(last.equity()),
                money(flows), first == null ? null : money(last.equity().subtract(first.equity()).subtract(flows)),
                ratio(Returns.timeWeighted(series)), ratio(Returns.moneyWeighted(series)),
                ratio(drawdown.depth()), drawdown.peakAt(), drawdown.troughAt(), drawdown.recoveredAt(),
                drawdown.duration() == null ? null : drawdown.duration().toSeconds(),
                risk.returns(), ratio(risk.volatility()), ratio(risk.sharpe()), ratio(risk.sortino()),
                BigDecimal.valueOf(window.annualRiskFreeRate()),
                trades.trades(), trades.wins(), trades.losses(), trades.winRate(), trades.profitFactor(),
                money(trades.grossProfit()), money(trades.grossLoss()));
    }

    public ExposureView exposure(PortfolioView portfolio) {
        List<UUID> accounts = accounts(portfolio);
        List<Exposure.Line> lines = portfolios.holdings(accounts);
        BigDecimal cash = portfolios.cash(accounts);
        BigDecimal equity = lines.stream().map(Exposure.Line::marketValue).reduce(cash, BigDecimal::add);
        List<ExposureItem> items = Exposure.of(lines, equity).stream()
                .map(e -> new ExposureItem(e.symbol(), e.quantity().stripTrailingZeros(), e.marketValue(), e.share()))
                .toList();
        return new ExposureView(portfolio.portfolioId(), money(equity), money(cash), items);
    }

    private List<EquityPoint> series(PortfolioView portfolio, Window window, Instant end) {
        return portfolios.series(accounts(portfolio), window.start(), end, window.step());
    }

    private List<UUID> accounts(PortfolioView portfolio) {
        return portfolios.accounts(UUID.fromString(portfolio.portfolioId()), UUID.fromString(portfolio.userId()));
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal ratio(BigDecimal value) {
        return value == null ? null : value.setScale(RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal ratio(Double value) {
        return value == null || !Double.isFinite(value) ? null : ratio(BigDecimal.valueOf(value));
    }
}
