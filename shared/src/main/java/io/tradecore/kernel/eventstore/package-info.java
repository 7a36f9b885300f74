/**
 * The PostgreSQL event store: one append-only table that is the source of truth, with optimistic concurrency
 * on {@code (stream_id, version)}, snapshots, the envelope every event carries, stable versioned type names,
 * and the single place where old event shapes are upcast on read.
 */
package io.tradecore.kernel.eventstore;
