/**
 * The broker_account bounded context: accounts per user and broker (paper accounts on the virtual broker), each an
 * event-sourced cash ledger with holdings; deposits and withdrawals; the buying-power gate that approves or declines
 * every placed order and reserves cash or shares for it; settlement of the broker's fills and release of what ended
 * orders still hold; a connected account's balances as its broker reported them to a history sync; and the {@code accounts} read model with cached balances and the activity ledger.
 */
package io.tradecore.brokeraccount;
