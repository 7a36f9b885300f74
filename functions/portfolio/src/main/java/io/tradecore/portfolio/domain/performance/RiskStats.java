package io.tradecore.portfolio.domain.performance;

import java.math.BigDecimal;
import java.util.List;

/**
 * Risk of a series of daily returns (between consecutive daily closes, flows excluded as in {@link Returns}).
 * Doubles, since the statistics need square roots. Conventions:
 * <ul>
 *   <li>volatility: the sample standard deviation (n - 1) of the daily returns, annualized by {@code sqrt(252)};</li>
 *   <li>Sharpe: {@code (mean(r) - rf/252) / stdev(r) * sqrt(252)}, {@code rf} the annual risk-free rate;</li>
 *   <li>Sortino: {@code (mean(r) - rf/252) / downside * sqrt(252)}, {@code downside = sqrt(sum(min(0, r - rf/252)^2) / n)}
 *       over all n returns (target = the daily risk-free rate).</li>
 * </ul>
 * Each is null where it is undefined: fewer than two returns, or a deviation of zero.
 */
public record RiskStats(int returns, Double meanDailyReturn, Double volatility, Double sharpe, Double sortino) {

    public static final double TRADING_DAYS = 252;

    public static RiskStats of(List<BigDecimal> dailyReturns, double annualRiskFreeRate) {
        int n = dailyReturns.size();
        if (n < 2) {
            return new RiskStats(n, n == 1 ? dailyReturns.getFirst().doubleValue() : null, null, null, null);
        }
        double[] r = dailyReturns.stream().mapToDouble(BigDecimal::doubleValue).toArray();
        double mean = 0;
        for (double x : r) {
            mean += x / n;
        }
        double squares = 0;
        double downside = 0;
        double target = annualRiskFreeRate / TRADING_DAYS;
        for (double x : r) {
            squares += (x - mean) * (x - mean);
            downside += Math.pow(Math.min(0, x - target), 2);
        }
        double stdev = Math.sqrt(squares / (n - 1));
        double downsideDeviation = Math.sqrt(downside / n);
        double annual = Math.sqrt(TRADING_DAYS);
        double excess = mean - target;
        return new RiskStats(n, mean, stdev * annual, stdev == 0 ? null : excess / stdev * annual,
                downsideDeviation == 0 ? null : excess / downsideDeviation * annual);
    }
}
