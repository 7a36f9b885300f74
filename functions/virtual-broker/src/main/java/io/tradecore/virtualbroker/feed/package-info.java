/** A simulated price feed for local-dev: a seeded random walk over the instruments, posted as ticks by the system. */
package io.tradecore.virtualbroker.feed;
