/**
 * The broker's write-side tables, kept in the transactions of the appends that change them (never a second write):
 * the instruments and their last prices, the working table of open orders a tick searches, and the ledger of orders
 * and fills the broker adapter reports from.
 */
package io.tradecore.virtualbroker.book;
