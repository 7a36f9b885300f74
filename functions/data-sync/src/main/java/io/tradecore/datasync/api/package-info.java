/** What data-sync publishes to callers: its request and query inputs and the sync status view. */
package io.tradecore.datasync.api;
