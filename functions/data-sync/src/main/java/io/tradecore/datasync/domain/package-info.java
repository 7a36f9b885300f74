/**
 * The account-sync stream ({@code sync-{accountId}}, domain {@code data_sync}): its commands, events, state and the
 * decider that keeps a sync idempotent on broker ids and its cursors moving only forward. Plain Java.
 */
package io.tradecore.datasync.domain;
