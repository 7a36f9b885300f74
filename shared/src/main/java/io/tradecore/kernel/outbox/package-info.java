/**
 * The outbox relay: publishes the event store, in commit order, to {@code eventstore.{domain}} (the archive) and
 * {@code transport.{domain}} (the bus), keyed by stream id. The event table itself is the outbox: an event row
 * is committed in the command's own transaction, and the relay's checkpoint moves only after Kafka has
 * acknowledged, so a crash publishes again rather than losing anything.
 */
package io.tradecore.kernel.outbox;
