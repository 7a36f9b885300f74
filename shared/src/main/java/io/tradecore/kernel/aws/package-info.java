/**
 * AWS Lambda entry points: one Lambda per function, the function chosen by {@code spring.cloud.function.definition}.
 * {@link io.tradecore.kernel.aws.HttpApiHandler} serves API Gateway HTTP API events through the same gateway core
 * as local-dev (same statuses, problems, authentication, idempotency); {@link io.tradecore.kernel.aws.KafkaBatchHandler}
 * feeds Kafka event-source batches to a projector or saga step (checkpoints de-duplicate, failures park);
 * {@link io.tradecore.kernel.aws.ScheduledJobHandler} runs jobs on a schedule.
 */
package io.tradecore.kernel.aws;
