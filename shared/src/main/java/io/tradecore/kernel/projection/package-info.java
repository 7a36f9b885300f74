/**
 * The projection runtime: applies events to read models with exactly-once effect under at-least-once delivery.
 * Each read-model change commits with a per-stream checkpoint; a redelivered event is skipped, a gap is filled
 * from the event store, and queries can wait (bounded) until a stream has reached a command's consistency token.
 */
package io.tradecore.kernel.projection;
