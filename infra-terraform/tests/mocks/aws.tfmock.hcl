# Values the AWS provider would compute, made available at plan time (override_during = plan in the tests).
# Only attributes the configuration reads need one; everything else stays unknown, as in a real plan.

mock_data "aws_caller_identity" {
  defaults = {
    account_id = "123456789012"
  }
}

mock_data "aws_partition" {
  defaults = {
    partition = "aws"
  }
}

mock_data "aws_msk_bootstrap_brokers" {
  defaults = {
    bootstrap_brokers            = "b-1.msk.example:9092,b-2.msk.example:9092"
    bootstrap_brokers_tls        = "b-1.msk.example:9094,b-2.msk.example:9094"
    bootstrap_brokers_sasl_iam   = "b-1.msk.example:9098,b-2.msk.example:9098"
    bootstrap_brokers_sasl_scram = "b-1.msk.example:9096,b-2.msk.example:9096"
  }
}

mock_resource "aws_db_instance" {
  defaults = {
    address  = "tradecore-test.abc123.eu-west-1.rds.amazonaws.com"
    endpoint = "tradecore-test.abc123.eu-west-1.rds.amazonaws.com:5432"
    port     = 5432
    master_user_secret = [{
      secret_arn    = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-0000-AbCdEf"
      kms_key_id    = "alias/aws/secretsmanager"
      secret_status = "active"
    }]
  }
}

mock_resource "aws_elasticache_replication_group" {
  defaults = {
    primary_endpoint_address = "master.tradecore-test.abc123.euw1.cache.amazonaws.com"
  }
}

mock_resource "aws_secretsmanager_secret" {
  defaults = {
    arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:tradecore-test/jwt-signing-key-AbCdEf"
  }
}

mock_resource "aws_kms_key" {
  defaults = {
    arn    = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
    key_id = "11111111-2222-3333-4444-555555555555"
  }
}

mock_resource "aws_security_group" {
  defaults = {
    id = "sg-0functions"
  }
}

mock_resource "aws_cloudwatch_log_group" {
  defaults = {
    arn = "arn:aws:logs:eu-west-1:123456789012:log-group:mock"
  }
}

mock_resource "aws_iam_role" {
  defaults = {
    id  = "mock-role"
    arn = "arn:aws:iam::123456789012:role/mock-role"
  }
}

mock_resource "aws_lambda_function" {
  defaults = {
    arn     = "arn:aws:lambda:eu-west-1:123456789012:function:mock"
    version = "1"
  }
}

# One value for every alias: the tests tell the functions apart by their for_each keys, not by these.
mock_resource "aws_lambda_alias" {
  defaults = {
    arn        = "arn:aws:lambda:eu-west-1:123456789012:function:mock:live"
    invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:mock:live/invocations"
  }
}

mock_resource "aws_apigatewayv2_api" {
  defaults = {
    id            = "api0001"
    execution_arn = "arn:aws:execute-api:eu-west-1:123456789012:api0001"
    api_endpoint  = "https://api0001.execute-api.eu-west-1.amazonaws.com"
  }
}

mock_resource "aws_apigatewayv2_integration" {
  defaults = {
    id = "integ01"
  }
}

mock_resource "aws_apigatewayv2_stage" {
  defaults = {
    invoke_url = "https://api0001.execute-api.eu-west-1.amazonaws.com/"
  }
}
