/**
 * The position bounded context: one event-sourced position per account and symbol, netted from the virtual
 * broker's fills (average entry, realized P&L, flips through zero), and the read models of open positions valued
 * at the last price and of closed positions. Positions change only through the {@code recordPositionFills} policy.
 */
package io.tradecore.position;
