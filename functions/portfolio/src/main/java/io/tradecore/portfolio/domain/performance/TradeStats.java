package io.tradecore.portfolio.domain.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Win rate and profit factor over realized trade results (each reduction or close of a position, with its realized
 * P&L). Win rate = winning results / all results (a result of exactly zero counts as a trade but not as a win);
 * profit factor = gross profit / gross loss, null when there is no loss (undefined, not infinite).
 */
public record TradeStats(int trades, int wins, int losses, BigDecimal grossProfit, BigDecimal grossLoss,
                         BigDecimal winRate, BigDecimal profitFactor) {

    public static TradeStats of(List<BigDecimal> results) {
        int wins = 0;
        int losses = 0;
        BigDecimal profit = BigDecimal.ZERO;
        BigDecimal loss = BigDecimal.ZERO;
        for (BigDecimal result : results) {
            if (result.signum() > 0) {
                wins++;
                profit = profit.add(result);
            } else if (result.signum() < 0) {
                losses++;
                loss = loss.add(result.negate());
            }
        }
        int trades = results.size();
        return new TradeStats(trades, wins, losses, profit, loss,
                trades == 0 ? null : BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(trades), 8, RoundingMode.HALF_EVEN),
                loss.signum() == 0 ? null : profit.divide(loss, 8, RoundingMode.HALF_EVEN));
    }
}
