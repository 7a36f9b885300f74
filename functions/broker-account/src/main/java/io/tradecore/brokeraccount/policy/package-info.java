/**
 * How broker_account reacts to the order, virtual_broker, broker_connection and data_sync domains: its own read-only views of their events
 * (tolerant readers; no import of their code) and the policies that turn them into account commands.
 */
package io.tradecore.brokeraccount.policy;
