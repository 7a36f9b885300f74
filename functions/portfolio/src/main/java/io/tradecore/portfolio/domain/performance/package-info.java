/**
 * Pure performance analytics over equity series: {@link io.tradecore.portfolio.domain.performance.Returns} (TWR,
 * MWR), {@link io.tradecore.portfolio.domain.performance.Drawdown},
 * {@link io.tradecore.portfolio.domain.performance.RiskStats} (volatility, Sharpe, Sortino),
 * {@link io.tradecore.portfolio.domain.performance.TradeStats} (win rate, profit factor), daily P&L and exposure.
 * Money and ratios are {@code BigDecimal}; doubles only for the IRR and the statistics, as documented on each.
 */
package io.tradecore.portfolio.domain.performance;
