/**
 * Test fixtures only: a stand-in for broker_account's {@code getAccountById} (answering from a map the tests fill,
 * with its route and access rule), and a broker that plays a fixed history through the {@code BrokerAdapter}
 * contract, page by page, with failures and pauses the tests switch on.
 */
package io.tradecore.datasync.standin;
