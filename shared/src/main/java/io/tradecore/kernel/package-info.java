/**
 * The TradeCore kernel: everything a bounded context needs to run as event-sourced functions and nothing
 * that belongs to one. The event store and its outbox relay, aggregate loading and command handling,
 * the projection runtime, the function catalog and the HTTP gateway built from it, the read-model cache
 * and security. Domain modules depend on this module and hand it deciders, projections and catalog entries.
 */
package io.tradecore.kernel;
