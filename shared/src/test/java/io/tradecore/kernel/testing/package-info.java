/**
 * The test kit every module's tests share: {@link io.tradecore.kernel.testing.TestStack} (one real Kafka broker
 * per test JVM, a fresh PostgreSQL schema and topic prefix per Spring context), {@link
 * io.tradecore.kernel.testing.DeciderSpec} (given/when/then over a decider), {@link
 * io.tradecore.kernel.testing.SagaSpec} (given inputs / when a reply or due time / then commands and state, over a
 * saga definition, with a clock the test moves) and {@link
 * io.tradecore.kernel.testing.TestHttp} (a JSON client for the gateway).
 */
package io.tradecore.kernel.testing;
