/**
 * The portfolio decider (a named set of the owner's accounts) and, in {@code performance}, the pure analytics over
 * an equity series: account books valued at last prices, time- and money-weighted returns, drawdown, volatility,
 * Sharpe, Sortino, win rate and profit factor. Plain Java: no framework, no clock.
 */
package io.tradecore.portfolio.domain;
