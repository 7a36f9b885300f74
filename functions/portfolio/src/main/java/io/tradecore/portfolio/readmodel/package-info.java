/**
 * portfolio's read models: the portfolios and their accounts, and per account its book, holdings, flows, realized
 * results and equity series (minute points and daily closes); their projector, SQL, and the analytics views.
 */
package io.tradecore.portfolio.readmodel;
