/** The {@code sync_accounts}, {@code sync_runs} and {@code sync_connected_accounts} read models and their projectors. */
package io.tradecore.datasync.readmodel;
