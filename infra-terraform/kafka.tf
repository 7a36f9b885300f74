# Projectors and saga steps: one Kafka event source mapping per (function, topic), self-managed
# (Redpanda or any Kafka, reached inside the VPC) or MSK, whichever variable is set. Batches arrive in
# partition order, keyed by stream id, which keeps per-aggregate order from the event store to the function.

locals {
  self_managed_kafka = var.kafka_bootstrap_servers != null

  # The pollers of a self-managed cluster run in our subnets with the functions' security group; the
  # brokers must admit that group (output lambda_security_group_id). MSK mappings use the cluster's own.
  kafka_vpc_access = concat(
    [for subnet in var.subnet_ids : { type = "VPC_SUBNET", uri = "subnet:${subnet}" }],
    [{ type = "VPC_SECURITY_GROUP", uri = "security_group:${aws_security_group.lambda.id}" }],
  )

  msk_bootstrap_brokers = local.self_managed_kafka ? null : {
    plaintext  = data.aws_msk_bootstrap_brokers.this[0].bootstrap_brokers
    tls        = data.aws_msk_bootstrap_brokers.this[0].bootstrap_brokers_tls
    sasl_iam   = data.aws_msk_bootstrap_brokers.this[0].bootstrap_brokers_sasl_iam
    sasl_scram = data.aws_msk_bootstrap_brokers.this[0].bootstrap_brokers_sasl_scram
  }[var.msk_broker_listener]
}

# The functions' own Kafka clients (the kernel publishes and reads too) need the broker list, not the ARN.
data "aws_msk_bootstrap_brokers" "this" {
  count = local.self_managed_kafka ? 0 : 1

  cluster_arn = var.msk_cluster_arn
}

resource "aws_lambda_event_source_mapping" "subscription" {
  for_each = local.subscriptions

  function_name     = aws_lambda_alias.live[each.value.function].arn
  topics            = [each.value.topic]
  starting_position = "TRIM_HORIZON" # a new consumer group starts from the beginning: projections rebuild
  batch_size        = var.kafka_batch_size

  event_source_arn = local.self_managed_kafka ? null : var.msk_cluster_arn

  dynamic "self_managed_event_source" {
    for_each = local.self_managed_kafka ? [var.kafka_bootstrap_servers] : []
    content {
      endpoints = { KAFKA_BOOTSTRAP_SERVERS = self_managed_event_source.value }
    }
  }

  dynamic "self_managed_kafka_event_source_config" {
    for_each = local.self_managed_kafka ? [each.value.consumer_group] : []
    content {
      consumer_group_id = self_managed_kafka_event_source_config.value
    }
  }

  dynamic "amazon_managed_kafka_event_source_config" {
    for_each = local.self_managed_kafka ? [] : [each.value.consumer_group]
    content {
      consumer_group_id = amazon_managed_kafka_event_source_config.value
    }
  }

  dynamic "source_access_configuration" {
    for_each = local.self_managed_kafka ? local.kafka_vpc_access : []
    content {
      type = source_access_configuration.value.type
      uri  = source_access_configuration.value.uri
    }
  }
}
