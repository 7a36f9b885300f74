/**
 * The paper broker behind the {@link io.tradecore.contracts.broker.BrokerAdapter} contract: orders go in as
 * commands on their order streams, and orders, fills, positions and cash flows come out of the broker's ledger.
 */
package io.tradecore.virtualbroker.broker;
