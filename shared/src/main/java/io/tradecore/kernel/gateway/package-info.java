/**
 * The HTTP gateway: one route per catalog entry that has one, each turning a request into a
 * {@link io.tradecore.kernel.function.Command} or {@link io.tradecore.kernel.function.Query}, invoking the function
 * through Spring Cloud Function's catalog, and mapping the answer (or the refusal) to HTTP once, as RFC 9457
 * problem details.
 */
package io.tradecore.kernel.gateway;
