# One role per function, least privilege. Policies are plain jsonencode'd documents built from names, so
# every statement is visible in the plan and asserted by the tests. All statements have the same shape
# (Sid, Effect, Action list, Resource list) so they concatenate into one list.
#
# Wildcard resources, each because AWS offers nothing narrower:
#   VpcNetworkInterfaces  ec2:Create/Describe/DeleteNetworkInterface, Assign/UnassignPrivateIpAddresses,
#                         DescribeSubnets: what AWSLambdaVPCAccessExecutionRole grants; the Describe* actions
#                         support no resource-level permissions, and Lambda validates the set on "*" when it
#                         creates a function in a VPC.
#   KafkaPollerNetwork    ec2:DescribeVpcs, ec2:DescribeSecurityGroups: the Kafka event source poller
#                         inspects the subnets/security groups of the mapping; Describe* takes only "*".

locals {
  arn_partition = data.aws_partition.current.partition
  account_id    = data.aws_caller_identity.current.account_id

  log_group_arns = {
    for name in keys(local.functions) :
    name => "arn:${local.arn_partition}:logs:${var.aws_region}:${local.account_id}:log-group:/aws/lambda/${local.function_names[name]}"
  }
  live_alias_arns = {
    for name in keys(local.functions) :
    name => "arn:${local.arn_partition}:lambda:${var.aws_region}:${local.account_id}:function:${local.function_names[name]}:live"
  }

  # Who may use what beyond logs, network and the database.
  grants = {
    for name, f in local.functions : name => {
      # Tokens are HS256 (a shared secret), which API Gateway's JWT authorizer cannot verify: the HTTP
      # functions verify them, and issueToken signs them.
      jwt_signing_key = contains(["command", "query"], f.kind)
      kafka_consumer  = contains(["projector", "policy", "saga_step"], f.kind)
      credentials_key = contains(var.credential_functions, name)
    }
  }

  lambda_assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  # MSK IAM-auth ARNs of topics and groups share the cluster's name/uuid: ...:topic/<cluster>/<uuid>/<topic>.
  msk_topic_arn_prefix = var.msk_cluster_arn == null ? null : replace(var.msk_cluster_arn, ":cluster/", ":topic/")
  msk_group_arn_prefix = var.msk_cluster_arn == null ? null : replace(var.msk_cluster_arn, ":cluster/", ":group/")

  kafka_statements = {
    for name in keys(local.topic_functions) : name => concat(
      [{
        Sid      = "KafkaPollerNetwork"
        Effect   = "Allow"
        Action   = ["ec2:DescribeVpcs", "ec2:DescribeSecurityGroups"]
        Resource = ["*"]
      }],
      var.msk_cluster_arn == null ? [] : [
        {
          Sid    = "MskCluster"
          Effect = "Allow"
          Action = [
            "kafka:DescribeCluster", "kafka:DescribeClusterV2", "kafka:GetBootstrapBrokers",
            "kafka-cluster:Connect", "kafka-cluster:DescribeClusterDynamicConfiguration",
          ]
          Resource = [var.msk_cluster_arn]
        },
        {
          Sid      = "MskReadOwnTopics"
          Effect   = "Allow"
          Action   = ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"]
          Resource = [for s in values(local.subscriptions) : "${local.msk_topic_arn_prefix}/${s.topic}" if s.function == name]
        },
        {
          Sid      = "MskOwnConsumerGroups"
          Effect   = "Allow"
          Action   = ["kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"]
          Resource = [for s in values(local.subscriptions) : "${local.msk_group_arn_prefix}/${s.consumer_group}" if s.function == name]
        },
      ],
    )
  }

  function_policy_statements = {
    for name, f in local.functions : name => concat(
      [
        {
          Sid      = "WriteOwnLogGroup"
          Effect   = "Allow"
          Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
          Resource = ["${local.log_group_arns[name]}:*"]
        },
        {
          Sid    = "VpcNetworkInterfaces"
          Effect = "Allow"
          Action = [
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
            "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses",
          ]
          Resource = ["*"]
        },
        {
          Sid      = "ReadDatabaseSecret"
          Effect   = "Allow"
          Action   = ["secretsmanager:GetSecretValue"]
          Resource = [local.db_secret_arn]
        },
      ],
      local.grants[name].jwt_signing_key ? [{
        Sid      = "ReadJwtSigningKey"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = [aws_secretsmanager_secret.jwt_signing_key.arn]
      }] : [],
      local.grants[name].kafka_consumer ? local.kafka_statements[name] : [],
      local.grants[name].credentials_key ? [{
        Sid    = "UseCredentialsKey"
        Effect = "Allow"
        # Envelope encryption (KmsKeyWrapping): GenerateDataKey makes a user's data key, Decrypt unwraps it. Both
        # only with the vault's encryption context, which binds each wrapped key to its user.
        Action   = ["kms:GenerateDataKey", "kms:Decrypt"]
        Resource = [aws_kms_key.credentials.arn]
        Condition = {
          Null = { "kms:EncryptionContext:tradecore-context" = "false" }
        }
      }] : [],
    )
  }
}

resource "aws_iam_role" "function" {
  for_each = local.functions

  name               = local.function_names[each.key]
  description        = "Execution role of ${local.function_names[each.key]} only."
  assume_role_policy = local.lambda_assume_role_policy
}

resource "aws_iam_role_policy" "function" {
  for_each = local.functions

  name = "least-privilege"
  role = aws_iam_role.function[each.key].id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = local.function_policy_statements[each.key]
  })
}
