/**
 * The portfolio bounded context (analytics): event-sourced portfolios, each a named set of the owner's trading
 * accounts, and their performance read from other domains' events only (broker_account's cash, transfers and
 * settled fills, position's realized results, the virtual broker's prices): equity curve (JSON and SVG), daily
 * P&L, time- and money-weighted returns, drawdown, volatility, Sharpe, Sortino, win rate, profit factor and
 * exposure. Account ownership is checked through broker_account's {@code getAccountById} on the QueryBus. The
 * equity series is kept per account (one point per minute, the minute's last value, plus a daily close) and summed
 * per portfolio when read, so a portfolio created or changed later sees its accounts' whole history. Definitions
 * and conventions: functions/PORTFOLIO.md.
 */
package io.tradecore.portfolio;
