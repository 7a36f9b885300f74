/**
 * The broker_connection bounded context: linking a user's brokerage login to TradeCore through the
 * broker-connection saga (validate credentials, establish the connection, fetch accounts, finalize; compensation
 * disconnects and cleans up), the REST adapters that talk to brokerages behind resilience4j, the envelope-encrypted
 * credential vault, and the {@code connections} read model with each status cached in Redis.
 */
package io.tradecore.brokerconnection;
