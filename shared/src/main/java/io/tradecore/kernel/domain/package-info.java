/**
 * Plain-Java building blocks for domain code: the {@link io.tradecore.kernel.domain.Decider} shape,
 * the one {@link io.tradecore.kernel.domain.Rejection} type and the {@link io.tradecore.kernel.domain.SingleValue}
 * marker for value objects. Nothing here imports a framework, so domain packages may use all of it.
 */
package io.tradecore.kernel.domain;
