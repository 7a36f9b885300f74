/**
 * The anti-corruption layer to REST brokerages: an Alpaca-style adapter (key id and secret in headers; account,
 * session, accounts, orders, positions and activities endpoints) that speaks TradeCore's broker contracts. Every
 * call goes through resilience4j ({@link io.tradecore.brokerconnection.adapter.BrokerCalls}): time limiter, bulkhead,
 * rate limiter, circuit breaker, and retries with backoff only for calls safe to repeat; an order submit is repeated
 * only after looking the order up by its client order id.
 */
package io.tradecore.brokerconnection.adapter;
