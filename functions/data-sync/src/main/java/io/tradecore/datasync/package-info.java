/**
 * The data-sync worker: brings a connected broker account's history (orders, fills, balances) into TradeCore.
 *
 * <p><b>Flow.</b> {@code POST /api/sync/request} ({@code requestAccountSync}; the caller's own connected account,
 * checked through {@code getAccountById} on the QueryBus) or the hourly job {@code requestScheduledSyncs} (every
 * account of {@code account.opened} with a real broker) records {@code sync.requested} on the account's sync stream
 * {@code sync-{accountId}}. The outbox relay publishes it to {@code transport.data_sync}; {@code routeSyncRequests}
 * copies it, keyed by stream id, to {@code worker.data-sync.sync-requests}. The kernel relay publishes every event to
 * exactly its domain's two topics, so the copy is a consumer of the bus rather than a second write of the command
 * (no dual write, no kernel change); it acknowledges a batch only after Kafka took every copy. {@code
 * syncAccountHistory} consumes the worker topic and runs one sync per request ({@link
 * io.tradecore.datasync.sync.HistorySync}).
 *
 * <p><b>A run</b> holds {@code lock:sync:{accountId}} (a busy lock means another worker is syncing the account; the
 * request is left to it), records {@code sync.run-started}, pages through the broker's orders and then its
 * activities from each feed's stored cursor, observes the balance, and records {@code sync.run-completed}. Each page
 * is one command and one append: its new records and its cursor commit together, so a broker that fails mid-way
 * leaves the finished pages and their cursor, the run ends as {@code sync.run-failed} with the broker's code, and the
 * next run resumes from the cursor. The broker is reached through {@link io.tradecore.contracts.broker.ConnectedBrokers}
 * (implemented where the credentials live, broker_connection): this module never sees a secret.
 *
 * <p><b>Idempotency and correctness</b> come from the stream, not the lock: the state remembers every broker order id
 * (with its status and filled quantity), every fill id and the last balance, so a record seen before produces no
 * event; only the account's current run may import (a page from a run that was taken over is refused with {@code
 * run-not-running}), and starting a run ends one left unfinished as {@code abandoned}.
 *
 * <p><b>Other domains</b> import the records through their own policies, keyed by broker ids: position nets
 * {@code sync.fill-imported} ({@code importSyncedFills}), order mirrors {@code sync.order-imported} and {@code
 * sync.order-updated} as imported orders ({@code importSyncedOrders}), broker_account records {@code
 * sync.balance-observed} on the account ({@code importSyncedBalances}). This module writes no other domain's streams or tables.
 *
 * <p>Known limits: the {@code BrokerAdapter} contract pages by time ({@code since}), so orders are paged by
 * submission time; a status change of an order older than the orders cursor is seen only when the caller asks with
 * an earlier {@code since}. The broker's account reference is read back from the account's name
 * ({@code "{broker} {ref}"}), as {@code getAccountById} does not answer it.
 */
package io.tradecore.datasync;
