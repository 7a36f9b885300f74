/**
 * The worker side of data-sync: the planner (broker pages to commands, cursors), one sync run under
 * {@code lock:sync:{accountId}}, and the routing of {@code sync.requested} onto {@code worker.data-sync.sync-requests}.
 */
package io.tradecore.datasync.sync;
