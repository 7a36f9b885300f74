/**
 * The messages every function speaks: {@link io.tradecore.kernel.function.Command} and
 * {@link io.tradecore.kernel.function.Query} envelopes around a typed body, the
 * {@link io.tradecore.kernel.function.RequestContext} (who acts, correlation, idempotency, consistency) and the
 * {@link io.tradecore.kernel.function.CommandResult}. The HTTP gateway, the Kafka bindings and the Lambda adapter
 * all build these, so a function body never sees a transport.
 */
package io.tradecore.kernel.function;
