/**
 * The saga engine: a saga is a definition read as a list of steps ({@link io.tradecore.kernel.saga.SagaDefinition}),
 * each naming the command that performs it, its timeout, its retry policy and its compensation. A pure decider
 * ({@link io.tradecore.kernel.saga.SagaDecider}) turns the saga's state and one input (start, a participant's reply, a
 * due time) into the next state, the commands to send and the next due time; {@link
 * io.tradecore.kernel.saga.SagaRuntime} stores all three in one PostgreSQL transaction under a version check, and
 * {@link io.tradecore.kernel.saga.SagaCommandRelay} publishes the recorded commands to {@code saga.{name}}, where each
 * step's function picks up its own. A crash therefore neither loses a command (it stays recorded until published)
 * nor repeats an effect (commands carry their id as the participant's idempotency key).
 */
package io.tradecore.kernel.saga;
