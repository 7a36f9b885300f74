/**
 * The position read models (open positions, closed positions, last prices): their projector, their SQL queries and
 * the valuation of open positions at the last price.
 */
package io.tradecore.position.readmodel;
