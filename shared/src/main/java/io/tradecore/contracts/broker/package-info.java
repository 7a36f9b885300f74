/**
 * Contracts shared between domains: the broker adapter interface (the anti-corruption layer every brokerage sits
 * behind) and the records it speaks in. No domain logic lives here.
 */
package io.tradecore.contracts.broker;
