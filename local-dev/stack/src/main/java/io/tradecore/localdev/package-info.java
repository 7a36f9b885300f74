/**
 * The local stack: every TradeCore function in one JVM with a real Kafka broker ({@link io.tradecore.localdev.LocalStack}),
 * plus the small tools the demo uses ({@link io.tradecore.localdev.TopicTail}). Nothing here is deployed.
 */
package io.tradecore.localdev;
