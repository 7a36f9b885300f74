/**
 * What broker_connection publishes for callers: the inputs of its HTTP commands and queries and the views its
 * queries answer. Credentials appear only in {@link io.tradecore.brokerconnection.api.ConnectionRequests.ConnectRequest},
 * on their way into the vault; no view carries them.
 */
package io.tradecore.brokerconnection.api;
