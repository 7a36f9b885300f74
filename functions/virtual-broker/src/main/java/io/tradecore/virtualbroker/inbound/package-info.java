/**
 * How the broker hears of orders: its own views of broker_account's approvals and order's cancel and replace
 * requests (tolerant readers, no imports of their code), and the policies that turn those events, and its own
 * price ticks, into commands on its order streams.
 */
package io.tradecore.virtualbroker.inbound;
