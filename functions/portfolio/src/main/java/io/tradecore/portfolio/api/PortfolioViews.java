package io.tradecore.portfolio.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What portfolio's queries answer. Money to cents; returns and ratios as fractions (0.06 = 6 %) to 8 decimals;
 * null where a metric is undefined (too few points, no loss, no deviation).
 */
public final class PortfolioViews {

    private PortfolioViews() {
    }

    public record PortfolioView(String portfolioId, String userId, String name, List<String> accountIds,
                                Instant createdAt, Instant updatedAt, long version) {
    }

    public record PortfolioList(List<PortfolioView> items) {
    }

    public record Point(Instant at, BigDecimal equity, BigDecimal netFlows) {
    }

    public record EquityCurve(String portfolioId, Instant from, Instant to, String interval, List<Point> points) {
    }

    public record Day(LocalDate day, BigDecimal close, BigDecimal flows, BigDecimal pnl, BigDecimal dailyReturn) {
    }

    public record DailyPnlView(String portfolioId, Instant from, Instant to, List<Day> days) {
    }

    public record Metrics(String portfolioId, Instant from, Instant to, String interval,
                          BigDecimal startEquity, BigDecimal endEquity, BigDecimal netFlows, BigDecimal pnl,
                          BigDecimal timeWeightedReturn, BigDecimal moneyWeightedReturn,
                          BigDecimal maxDrawdown, Instant drawdownPeakAt, Instant drawdownTroughAt,
                          Instant drawdownRecoveredAt, Long drawdownDurationSeconds,
                          int dailyReturns, BigDecimal volatility, BigDecimal sharpe, BigDecimal sortino,
                          BigDecimal riskFreeRate,
                          int trades, int wins, int losses, BigDecimal winRate, BigDecimal profitFactor,
                          BigDecimal grossProfit, BigDecimal grossLoss) {
    }

    public record ExposureItem(String symbol, BigDecimal quantity, BigDecimal marketValue, BigDecimal share) {
    }

    public record ExposureView(String portfolioId, BigDecimal equity, BigDecimal cash, List<ExposureItem> items) {
    }
}
