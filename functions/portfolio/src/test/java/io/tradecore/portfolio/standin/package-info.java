/**
 * Test fixtures only: a stand-in for broker_account's {@code getAccountById}, so portfolio's ITs exercise its
 * QueryBus ownership check without deploying that module.
 */
package io.tradecore.portfolio.standin;
