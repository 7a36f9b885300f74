/**
 * The broker-connection saga: its definition (validate credentials, establish the connection, fetch accounts,
 * finalize; compensations disconnect and clean up the adapter), how it reads the connection's events as replies,
 * and the work of each step function, which talks to the broker and records the outcome on the connection.
 */
package io.tradecore.brokerconnection.saga;
