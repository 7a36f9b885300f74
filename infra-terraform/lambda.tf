# One Lambda per catalog function, each with its own log group, role and `live` alias. Every trigger (API
# route, Kafka mapping, schedule) targets the alias, so a deploy switches all traffic to a new published
# version at once, and SnapStart (which only applies to published versions) is what callers reach.

locals {
  kafka_bootstrap_servers = var.kafka_bootstrap_servers != null ? var.kafka_bootstrap_servers : local.msk_bootstrap_brokers

  # The Lambda contract shared by every function. Secrets travel as ARNs, fetched by the kernel at start.
  common_environment = merge(
    var.lambda_environment,
    {
      TRADECORE_RUNTIME                 = "lambda"
      SPRING_DATASOURCE_URL             = "jdbc:postgresql://${aws_db_instance.this.address}:${aws_db_instance.this.port}/${aws_db_instance.this.db_name}"
      SPRING_DATASOURCE_USERNAME        = aws_db_instance.this.username
      TRADECORE_DB_SECRET_ARN           = local.db_secret_arn
      SPRING_DATA_REDIS_HOST            = aws_elasticache_replication_group.this.primary_endpoint_address
      SPRING_DATA_REDIS_PORT            = tostring(aws_elasticache_replication_group.this.port)
      SPRING_DATA_REDIS_SSL_ENABLED     = "true" # transit encryption is on: plain-text Redis clients are refused
      TRADECORE_KAFKA_BOOTSTRAP_SERVERS = local.kafka_bootstrap_servers
    },
    # No empty value sent to Lambda: the kernel's default already is no prefix.
    var.kafka_topic_prefix == "" ? {} : { TRADECORE_KAFKA_TOPIC_PREFIX = var.kafka_topic_prefix },
    # The jdk25-aot bootstrap passes its JVM options itself.
    var.lambda_java_tool_options == "" || var.lambda_jvm != "managed" ? {} : { JAVA_TOOL_OPTIONS = var.lambda_java_tool_options },
  )

  # A function is told about a key only if its role may use it (see iam.tf), so a missing variable, not an
  # AccessDenied at run time, is what a function outside the grant sees.
  environment = {
    for name, f in local.functions : name => merge(
      local.common_environment,
      { SPRING_CLOUD_FUNCTION_DEFINITION = name },
      local.grants[name].jwt_signing_key ? { TRADECORE_SECURITY_JWT_SECRET_ARN = aws_secretsmanager_secret.jwt_signing_key.arn } : {},
      local.grants[name].credentials_key ? {
        TRADECORE_CREDENTIALS_KEY_WRAPPING = "kms"
        TRADECORE_CREDENTIALS_KMS_KEY_ARN  = aws_kms_key.credentials.arn
      } : {},
    )
  }
}

resource "aws_cloudwatch_log_group" "function" {
  for_each = local.functions

  # Created here rather than on first log write, so retention applies and the role needs no CreateLogGroup.
  name              = "/aws/lambda/${local.function_names[each.key]}"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "this" {
  for_each = local.functions

  function_name = local.function_names[each.key]
  description   = "TradeCore ${each.value.kind} ${each.key} (${coalesce(each.value.domain, "kernel")})"
  role          = aws_iam_role.function[each.key].arn

  # jdk25-aot: the package's bootstrap starts its own JDK; the handler is still the kernel adapter (_HANDLER).
  runtime       = var.lambda_jvm == "managed" ? var.lambda_runtime : "provided.al2023"
  architectures = [var.lambda_architecture]
  handler       = local.handlers[each.value.kind]
  memory_size   = var.lambda_memory_mb[each.value.kind]
  timeout       = var.lambda_timeout_seconds[each.value.kind]

  # A built package is deployed from S3 (Lambda takes at most 50 MB zipped directly; ours are 100-150 MB).
  # An unbuilt module has no object: it plans with the placeholder file instead.
  filename         = contains(keys(local.built_packages), local.package_module[each.key]) ? null : var.placeholder_package
  s3_bucket        = try(aws_s3_object.package[local.package_module[each.key]].bucket, null)
  s3_key           = try(aws_s3_object.package[local.package_module[each.key]].key, null)
  source_code_hash = try(local.built_packages[local.package_module[each.key]].hash, null)

  # Every trigger points at the `live` alias, which needs a version to point at.
  publish = true

  # The kernel reads its secrets (DB credentials, token keys) through this extension's local endpoint at start.
  layers = var.secrets_extension_layer_arn == null ? [] : [var.secrets_extension_layer_arn]

  dynamic "snap_start" {
    for_each = var.lambda_jvm == "managed" && contains(var.snapstart_kinds, each.value.kind) ? [1] : []
    content {
      apply_on = "PublishedVersions"
    }
  }

  environment {
    variables = local.environment[each.key]
  }

  vpc_config {
    subnet_ids         = var.subnet_ids
    security_group_ids = concat([aws_security_group.lambda.id], var.lambda_security_group_ids)
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.function[each.key].name
  }

  # Lambda checks the role's ENI permissions when it creates a function in a VPC.
  depends_on = [aws_iam_role_policy.function]

  lifecycle {
    precondition {
      condition     = contains(keys(local.handlers), each.value.kind)
      error_message = "Function ${each.key} has kind \"${each.value.kind}\"; this deploy knows ${join(", ", keys(local.handlers))}."
    }
    precondition {
      # The package's JDK (and its AOT cache) run only on the architecture they were built on.
      condition     = local.package_architecture[local.package_module[each.key]] == null || local.package_architecture[local.package_module[each.key]] == var.lambda_architecture
      error_message = "The ${local.package_module[each.key]} jdk25-aot package was built for ${coalesce(local.package_architecture[local.package_module[each.key]], "?")}, not lambda_architecture ${var.lambda_architecture}: build it on a ${var.lambda_architecture} machine or set lambda_architecture."
    }
    precondition {
      condition     = length(local.function_names[each.key]) <= 64
      error_message = "Lambda and IAM role names are limited to 64 characters: ${local.function_names[each.key]}."
    }
  }
}

resource "aws_lambda_alias" "live" {
  for_each = local.functions

  name             = "live"
  description      = "What every trigger invokes: the version published by the last apply."
  function_name    = aws_lambda_function.this[each.key].function_name
  function_version = aws_lambda_function.this[each.key].version

  # New versions receive traffic only once the deploy's own jobs (schema migration) have succeeded.
  depends_on = [aws_lambda_invocation.deploy_job]
}
