/**
 * The {@code connections} read model, fed by the connection streams, with each connection's status cached in Redis
 * as {@code connection:{id}:status} (dropped when the connection changes).
 */
package io.tradecore.brokerconnection.readmodel;
