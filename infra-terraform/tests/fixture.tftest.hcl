# The deploy against a small catalog that has every kind of function: commands and a query, a projector,
# a saga step on two topics, two scheduled jobs and one the deploy runs, two modules of which one is "built". The expected values are written
# out, so this file is the specification of what one catalog entry turns into.

mock_provider "aws" {
  source          = "./tests/mocks"
  override_during = plan
}

variables {
  environment             = "test"
  aws_region              = "eu-west-1"
  catalog_file            = "tests/fixtures/catalog.json"
  functions_dir           = "tests/fixtures/functions"
  vpc_id                  = "vpc-0test"
  subnet_ids              = ["subnet-a", "subnet-b"]
  kafka_bootstrap_servers = "redpanda-0.internal:9092,redpanda-1.internal:9092"
}

run "every_catalog_function_is_one_lambda" {
  command = plan

  # broker-connection and user-account (the kernel jobs' package) are not "built" in the fixture: the
  # check warns about them, which is a failure inside a test unless expected.
  expect_failures = [check.deployment_packages_built]

  assert {
    condition = toset(keys(aws_lambda_function.this)) == toset([
      "checkIntegrity", "connectBroker", "connectBrokerStep2EstablishConnection", "expireIdempotencyKeys",
      "getOrderById", "migrateSchema", "placeOrder", "projectOrders",
    ])
    error_message = "One Lambda per catalog function, keyed by function name: ${jsonencode(keys(aws_lambda_function.this))}"
  }

  assert {
    condition     = alltrue([for name, f in aws_lambda_function.this : f.function_name == "tradecore-test-${name}"])
    error_message = "Lambda names are tradecore-<environment>-<function>."
  }

  assert {
    condition = (
      aws_lambda_function.this["placeOrder"].handler == "io.tradecore.kernel.aws.HttpApiHandler::handleRequest" &&
      aws_lambda_function.this["getOrderById"].handler == "io.tradecore.kernel.aws.HttpApiHandler::handleRequest" &&
      aws_lambda_function.this["projectOrders"].handler == "io.tradecore.kernel.aws.KafkaBatchHandler::handleRequest" &&
      aws_lambda_function.this["connectBrokerStep2EstablishConnection"].handler == "io.tradecore.kernel.aws.KafkaBatchHandler::handleRequest" &&
      aws_lambda_function.this["expireIdempotencyKeys"].handler == "io.tradecore.kernel.aws.ScheduledJobHandler::handleRequest"
    )
    error_message = "Each kind gets its kernel adapter as handler."
  }

  assert {
    condition     = alltrue([for name, f in aws_lambda_function.this : f.environment[0].variables["SPRING_CLOUD_FUNCTION_DEFINITION"] == name && f.environment[0].variables["TRADECORE_RUNTIME"] == "lambda"])
    error_message = "Every Lambda selects its own function bean by configuration."
  }

  assert {
    condition = (
      aws_lambda_function.this["placeOrder"].environment[0].variables["SPRING_DATASOURCE_URL"] == "jdbc:postgresql://tradecore-test.abc123.eu-west-1.rds.amazonaws.com:5432/tradecore" &&
      aws_lambda_function.this["placeOrder"].environment[0].variables["TRADECORE_DB_SECRET_ARN"] == "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-0000-AbCdEf" &&
      aws_lambda_function.this["placeOrder"].environment[0].variables["SPRING_DATA_REDIS_HOST"] == "master.tradecore-test.abc123.euw1.cache.amazonaws.com" &&
      aws_lambda_function.this["placeOrder"].environment[0].variables["SPRING_DATA_REDIS_PORT"] == "6379" &&
      aws_lambda_function.this["placeOrder"].environment[0].variables["TRADECORE_KAFKA_BOOTSTRAP_SERVERS"] == "redpanda-0.internal:9092,redpanda-1.internal:9092" &&
      !contains(keys(aws_lambda_function.this["placeOrder"].environment[0].variables), "TRADECORE_KAFKA_TOPIC_PREFIX") &&
      aws_lambda_function.this["placeOrder"].environment[0].variables["JAVA_TOOL_OPTIONS"] == "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
    )
    error_message = "The Lambda contract's database, Redis and Kafka settings point at this deploy's resources."
  }

  assert {
    condition = alltrue([
      for name, f in aws_lambda_function.this :
      length(f.snap_start) == (contains(["placeOrder", "getOrderById", "connectBroker"], name) ? 1 : 0)
    ]) && aws_lambda_function.this["placeOrder"].snap_start[0].apply_on == "PublishedVersions"
    error_message = "SnapStart on published versions for commands and queries, not for the other kinds."
  }

  assert {
    condition     = alltrue([for f in aws_lambda_function.this : f.publish && f.runtime == "java21" && f.architectures == tolist(["arm64"])])
    error_message = "Every function is published (for the live alias), on java21/arm64 by default."
  }

  assert {
    condition = (
      aws_lambda_function.this["placeOrder"].memory_size == 1024 && aws_lambda_function.this["placeOrder"].timeout == 29 &&
      aws_lambda_function.this["connectBrokerStep2EstablishConnection"].timeout == 300 &&
      aws_lambda_function.this["expireIdempotencyKeys"].memory_size == 512 && aws_lambda_function.this["expireIdempotencyKeys"].timeout == 900
    )
    error_message = "Memory and timeout come from the per-kind variables."
  }

  assert {
    condition     = alltrue([for name, alias in aws_lambda_alias.live : alias.name == "live" && alias.function_name == "tradecore-test-${name}"])
    error_message = "Every function has a live alias."
  }

  assert {
    condition     = alltrue([for name, group in aws_cloudwatch_log_group.function : group.name == "/aws/lambda/tradecore-test-${name}" && group.retention_in_days == 30])
    error_message = "One log group per function, with the retention variable."
  }

  assert {
    condition = (
      aws_lambda_function.this["placeOrder"].filename == null &&
      aws_lambda_function.this["placeOrder"].s3_bucket == "tradecore-test-pkg-123456789012-eu-west-1" &&
      aws_lambda_function.this["placeOrder"].s3_key == "order/${filesha256("tests/fixtures/functions/order/target/tradecore-order-aws.jar")}/tradecore-order-aws.jar" &&
      aws_lambda_function.this["placeOrder"].source_code_hash == filebase64sha256("tests/fixtures/functions/order/target/tradecore-order-aws.jar") &&
      aws_lambda_function.this["checkIntegrity"].s3_key == aws_lambda_function.this["placeOrder"].s3_key
    )
    error_message = "A built module's functions deploy its -aws.jar from the packages bucket, under a key naming its content, with its hash."
  }

  assert {
    condition = (
      keys(aws_s3_object.package) == ["order"] &&
      aws_s3_object.package["order"].bucket == aws_s3_bucket.packages.bucket &&
      aws_s3_object.package["order"].source == "tests/fixtures/functions/order/target/tradecore-order-aws.jar" &&
      aws_s3_object.package["order"].source_hash == filebase64sha256("tests/fixtures/functions/order/target/tradecore-order-aws.jar")
    )
    error_message = "Each built module's package is uploaded once, whatever number of functions it serves; unbuilt ones are not."
  }

  assert {
    condition = (
      aws_s3_bucket_public_access_block.packages.block_public_acls && aws_s3_bucket_public_access_block.packages.restrict_public_buckets &&
      aws_s3_bucket_ownership_controls.packages.rule[0].object_ownership == "BucketOwnerEnforced" &&
      one(aws_s3_bucket_server_side_encryption_configuration.packages.rule).apply_server_side_encryption_by_default[0].sse_algorithm == "AES256"
    )
    error_message = "The packages bucket is private and encrypted."
  }

  assert {
    condition = (
      aws_lambda_function.this["connectBroker"].filename == "package-not-built.jar" &&
      aws_lambda_function.this["expireIdempotencyKeys"].filename == "package-not-built.jar"
    )
    error_message = "A module not built yet (and the kernel's jobs, packaged with user-account) plan with the placeholder."
  }
}

run "commands_and_queries_are_routed_to_their_function" {
  command         = plan
  expect_failures = [check.deployment_packages_built]

  assert {
    condition = {
      for name, route in aws_apigatewayv2_route.function : name => route.route_key
      } == {
      connectBroker = "POST /api/broker-connections/connect"
      getOrderById  = "GET /api/orders/{orderId}"
      placeOrder    = "POST /api/orders/place"
    }
    error_message = "One route per command and query, with the catalog's method and path (path variables kept)."
  }

  assert {
    condition     = alltrue([for name, route in aws_apigatewayv2_route.function : route.target == "integrations/${aws_apigatewayv2_integration.function[name].id}" && route.operation_name == name])
    error_message = "Each route targets its own function's integration."
  }

  assert {
    condition = alltrue([
      for name, integration in aws_apigatewayv2_integration.function :
      integration.integration_type == "AWS_PROXY" && integration.payload_format_version == "2.0" &&
      integration.integration_uri == aws_lambda_alias.live[name].invoke_arn
    ])
    error_message = "Integrations are Lambda proxies (payload 2.0) to the live alias."
  }

  assert {
    condition = (
      aws_lambda_permission.api["getOrderById"].source_arn == "arn:aws:execute-api:eu-west-1:123456789012:api0001/*/GET/api/orders/*" &&
      aws_lambda_permission.api["placeOrder"].source_arn == "arn:aws:execute-api:eu-west-1:123456789012:api0001/*/POST/api/orders/place" &&
      alltrue([for name, p in aws_lambda_permission.api : p.qualifier == "live" && p.function_name == "tradecore-test-${name}" && p.principal == "apigateway.amazonaws.com"])
    )
    error_message = "API Gateway may invoke each live alias through its own route only."
  }

  assert {
    condition     = aws_apigatewayv2_stage.default.name == "$default" && aws_apigatewayv2_stage.default.auto_deploy && length(aws_apigatewayv2_stage.default.access_log_settings) == 1
    error_message = "The $default stage deploys automatically and writes access logs."
  }

  assert {
    condition     = output.api_url == "https://api0001.execute-api.eu-west-1.amazonaws.com/"
    error_message = "api_url is the stage's invoke URL."
  }
}

run "projectors_and_saga_steps_consume_their_topics" {
  command         = plan
  expect_failures = [check.deployment_packages_built]

  assert {
    condition = {
      for key, m in aws_lambda_event_source_mapping.subscription :
      key => "${join(",", m.topics)} as ${m.self_managed_kafka_event_source_config[0].consumer_group_id}"
      } == {
      "projectOrders/transport.order"                                  = "transport.order as projectOrders"
      "connectBrokerStep2EstablishConnection/saga.broker_connection"   = "saga.broker_connection as connectBrokerStep2EstablishConnection-saga.broker_connection"
      "connectBrokerStep2EstablishConnection/transport.broker_account" = "transport.broker_account as connectBrokerStep2EstablishConnection-transport.broker_account"
    }
    error_message = "One mapping per function and topic; the catalog's consumer group, made unique per topic when a function has several."
  }

  assert {
    condition = alltrue([
      for m in aws_lambda_event_source_mapping.subscription :
      m.starting_position == "TRIM_HORIZON" && m.batch_size == 100 && m.event_source_arn == null &&
      m.self_managed_event_source[0].endpoints["KAFKA_BOOTSTRAP_SERVERS"] == "redpanda-0.internal:9092,redpanda-1.internal:9092" &&
      length(m.amazon_managed_kafka_event_source_config) == 0
    ])
    error_message = "Self-managed Kafka mappings from the beginning of the topic, with the batch size variable."
  }

  assert {
    condition = alltrue([
      for m in aws_lambda_event_source_mapping.subscription :
      toset([for c in m.source_access_configuration : "${c.type}=${c.uri}"]) == toset([
        "VPC_SUBNET=subnet:subnet-a", "VPC_SUBNET=subnet:subnet-b", "VPC_SECURITY_GROUP=security_group:sg-0functions",
      ])
    ])
    error_message = "Self-managed Kafka pollers run in the VPC subnets with the functions' security group."
  }

  assert {
    condition     = alltrue([for m in aws_lambda_event_source_mapping.subscription : m.function_name == aws_lambda_alias.live["projectOrders"].arn])
    error_message = "Mappings invoke live aliases."
  }
}

run "jobs_run_on_their_schedules" {
  command         = plan
  expect_failures = [check.deployment_packages_built]

  assert {
    condition = {
      for name, s in aws_scheduler_schedule.job : name => s.schedule_expression
      } == {
      checkIntegrity        = "cron(0 3 * * ? *)"
      expireIdempotencyKeys = "rate(1 hour)"
    }
    error_message = "One schedule per job that has one, with the catalog's expression."
  }

  assert {
    condition = toset(keys(aws_lambda_invocation.deploy_job)) == toset(["migrateSchema"]) && (
      aws_lambda_invocation.deploy_job["migrateSchema"].function_name == "tradecore-test-migrateSchema" &&
      aws_lambda_invocation.deploy_job["migrateSchema"].qualifier == aws_lambda_function.this["migrateSchema"].version
    )
    error_message = "A job without a schedule is run by the deploy, on the version just published."
  }

  assert {
    condition     = alltrue([for name, s in aws_scheduler_schedule.job : s.name == "tradecore-test-${name}" && s.target[0].arn == aws_lambda_alias.live[name].arn && s.flexible_time_window[0].mode == "OFF"])
    error_message = "Schedules invoke the job's live alias on time."
  }

  assert {
    condition = jsondecode(aws_iam_role_policy.scheduler[0].policy).Statement[0].Resource == [
      "arn:aws:lambda:eu-west-1:123456789012:function:tradecore-test-checkIntegrity:live",
      "arn:aws:lambda:eu-west-1:123456789012:function:tradecore-test-expireIdempotencyKeys:live",
    ]
    error_message = "The scheduler's role may invoke the jobs' live aliases and nothing else."
  }
}

run "each_role_is_scoped_to_its_own_function" {
  command         = plan
  expect_failures = [check.deployment_packages_built]

  assert {
    condition = alltrue([
      for name, p in aws_iam_role_policy.function :
      [for s in jsondecode(p.policy).Statement : s.Resource if s.Sid == "WriteOwnLogGroup"] == [[
        "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/tradecore-test-${name}:*"
      ]]
    ])
    error_message = "Each function may write to its own log group only."
  }

  assert {
    condition = alltrue(flatten([
      for p in aws_iam_role_policy.function : [
        for s in jsondecode(p.policy).Statement : !contains(s.Resource, "*") || contains(["VpcNetworkInterfaces", "KafkaPollerNetwork"], s.Sid)
      ]
    ]))
    error_message = "No wildcard resource except the EC2 network actions that only take one."
  }

  assert {
    condition = toset([
      for name, p in aws_iam_role_policy.function : name
      if anytrue([for s in jsondecode(p.policy).Statement : startswith(s.Sid, "Kafka") || startswith(s.Sid, "Msk")])
    ]) == toset(["connectBrokerStep2EstablishConnection", "projectOrders"])
    error_message = "Only topic-triggered functions get Kafka permissions."
  }

  assert {
    condition = toset([
      for name, p in aws_iam_role_policy.function : name
      if anytrue([for s in jsondecode(p.policy).Statement : s.Sid == "UseCredentialsKey"])
    ]) == toset(["connectBroker", "connectBrokerStep2EstablishConnection"])
    error_message = "Only the functions that seal or open credentials may use the credentials key."
  }

  assert {
    condition = alltrue(flatten([
      for p in aws_iam_role_policy.function : [
        for s in jsondecode(p.policy).Statement :
        toset(s.Action) == toset(["kms:GenerateDataKey", "kms:Decrypt"]) &&
        s.Resource == [aws_kms_key.credentials.arn] &&
        try(s.Condition.Null["kms:EncryptionContext:tradecore-context"], null) == "false"
        if s.Sid == "UseCredentialsKey"
      ]
    ]))
    error_message = "The credentials key: GenerateDataKey and Decrypt only, on that key only, and only with the vault's encryption context."
  }

  assert {
    condition = alltrue([
      for name, f in aws_lambda_function.this :
      lookup(f.environment[0].variables, "TRADECORE_CREDENTIALS_KEY_WRAPPING", "local") == (contains(["connectBroker", "connectBrokerStep2EstablishConnection"], name) ? "kms" : "local")
    ])
    error_message = "The credential functions wrap their data keys with KMS."
  }

  assert {
    condition = toset([
      for name, p in aws_iam_role_policy.function : name
      if anytrue([for s in jsondecode(p.policy).Statement : s.Sid == "ReadJwtSigningKey"])
    ]) == toset(["connectBroker", "getOrderById", "placeOrder"])
    error_message = "Only HTTP functions (which verify or issue tokens) may read the JWT signing key."
  }

  assert {
    condition = alltrue([
      for name, f in aws_lambda_function.this :
      contains(keys(f.environment[0].variables), "TRADECORE_CREDENTIALS_KMS_KEY_ARN") == contains(["connectBroker", "connectBrokerStep2EstablishConnection"], name) &&
      contains(keys(f.environment[0].variables), "TRADECORE_SECURITY_JWT_SECRET_ARN") == contains(["connectBroker", "getOrderById", "placeOrder"], name)
    ])
    error_message = "A function is told about a key exactly when its role may use it."
  }

  assert {
    condition = alltrue([
      for p in aws_iam_role_policy.function :
      [for s in jsondecode(p.policy).Statement : s.Resource if s.Sid == "ReadDatabaseSecret"] == [["arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-0000-AbCdEf"]]
    ])
    error_message = "Every function reads the RDS-managed database secret, and only that secret for the database."
  }

  assert {
    condition     = alltrue([for name, r in aws_iam_role.function : r.name == "tradecore-test-${name}" && jsondecode(r.assume_role_policy).Statement[0].Principal.Service == "lambda.amazonaws.com"])
    error_message = "One role per function, assumable by Lambda only."
  }
}

run "msk_replaces_self_managed_kafka" {
  command         = plan
  expect_failures = [check.deployment_packages_built]

  variables {
    kafka_bootstrap_servers = null
    msk_cluster_arn         = "arn:aws:kafka:eu-west-1:123456789012:cluster/tradecore/abcd-1234"
  }

  assert {
    condition = alltrue([
      for m in aws_lambda_event_source_mapping.subscription :
      m.event_source_arn == "arn:aws:kafka:eu-west-1:123456789012:cluster/tradecore/abcd-1234" &&
      length(m.self_managed_event_source) == 0 && length(m.source_access_configuration) == 0
    ]) && aws_lambda_event_source_mapping.subscription["projectOrders/transport.order"].amazon_managed_kafka_event_source_config[0].consumer_group_id == "projectOrders"
    error_message = "With msk_cluster_arn, mappings read the MSK cluster with the catalog's consumer group."
  }

  assert {
    condition     = aws_lambda_function.this["placeOrder"].environment[0].variables["TRADECORE_KAFKA_BOOTSTRAP_SERVERS"] == "b-1.msk.example:9094,b-2.msk.example:9094"
    error_message = "Functions get the MSK bootstrap brokers of the chosen listener (TLS by default)."
  }

  assert {
    condition = (
      [for s in jsondecode(aws_iam_role_policy.function["projectOrders"].policy).Statement : s.Resource if s.Sid == "MskReadOwnTopics"] ==
      [["arn:aws:kafka:eu-west-1:123456789012:topic/tradecore/abcd-1234/transport.order"]] &&
      [for s in jsondecode(aws_iam_role_policy.function["projectOrders"].policy).Statement : s.Resource if s.Sid == "MskOwnConsumerGroups"] ==
      [["arn:aws:kafka:eu-west-1:123456789012:group/tradecore/abcd-1234/projectOrders"]]
    )
    error_message = "An MSK consumer may read its own topics and use its own consumer group only."
  }
}

run "topic_prefix_scopes_topics_and_consumer_groups" {
  command         = plan
  expect_failures = [check.deployment_packages_built]

  variables {
    kafka_topic_prefix = "staging."
  }

  assert {
    condition = (
      aws_lambda_event_source_mapping.subscription["projectOrders/transport.order"].topics == toset(["staging.transport.order"]) &&
      aws_lambda_event_source_mapping.subscription["projectOrders/transport.order"].self_managed_kafka_event_source_config[0].consumer_group_id == "staging.projectOrders" &&
      aws_lambda_function.this["projectOrders"].environment[0].variables["TRADECORE_KAFKA_TOPIC_PREFIX"] == "staging."
    )
    error_message = "The prefix applies to topics and groups, as in the kernel's own bindings, and reaches the functions."
  }
}

run "both_kafka_flavours_at_once_is_refused" {
  command = plan

  variables {
    msk_cluster_arn = "arn:aws:kafka:eu-west-1:123456789012:cluster/tradecore/abcd-1234"
  }

  expect_failures = [var.msk_cluster_arn, check.deployment_packages_built]
}

run "no_kafka_at_all_is_refused" {
  command = plan

  variables {
    kafka_bootstrap_servers = null
  }

  expect_failures = [var.msk_cluster_arn, check.deployment_packages_built]
}

run "the_jdk25_aot_jvm_deploys_the_custom_runtime_package" {
  command         = plan
  expect_failures = [check.deployment_packages_built]

  variables {
    lambda_jvm          = "jdk25-aot"
    lambda_architecture = "x86_64"
  }

  assert {
    condition = alltrue([
      for f in aws_lambda_function.this : f.runtime == "provided.al2023" && length(f.snap_start) == 0 &&
      !contains(keys(f.environment[0].variables), "JAVA_TOOL_OPTIONS")
    ])
    error_message = "Every function runs on the custom runtime, without SnapStart (managed runtimes only) or JAVA_TOOL_OPTIONS (the bootstrap's)."
  }

  assert {
    condition = (
      aws_lambda_function.this["placeOrder"].handler == "io.tradecore.kernel.aws.HttpApiHandler::handleRequest" &&
      aws_lambda_function.this["placeOrder"].s3_key == "order/${filesha256("tests/fixtures/functions/order/target/tradecore-order-lambda-jdk25.zip")}/tradecore-order-lambda-jdk25.zip" &&
      aws_s3_object.package["order"].content_type == "application/zip" &&
      aws_lambda_function.this["placeOrder"].source_code_hash == filebase64sha256("tests/fixtures/functions/order/target/tradecore-order-lambda-jdk25.zip") &&
      aws_lambda_function.this["connectBroker"].filename == "package-not-built.jar"
    )
    error_message = "A built module's functions deploy its -lambda-jdk25.zip under the same handler; an unbuilt one plans with the placeholder."
  }
}

run "a_jdk25_aot_package_of_another_architecture_is_refused" {
  command = plan
  expect_failures = [
    check.deployment_packages_built,
    aws_lambda_function.this,
  ]

  variables {
    lambda_jvm          = "jdk25-aot"
    lambda_architecture = "arm64"
  }
}

run "the_managed_jvm_is_the_default" {
  command         = plan
  expect_failures = [check.deployment_packages_built]

  assert {
    condition     = aws_lambda_function.this["placeOrder"].runtime == "java21" && aws_s3_object.package["order"].source == "tests/fixtures/functions/order/target/tradecore-order-aws.jar"
    error_message = "Without lambda_jvm, the managed Java runtime runs the -aws.jar."
  }
}
