output "api_url" {
  description = "Invoke URL of the HTTP API ($default stage); routes hang off it, e.g. <api_url>api/users/create."
  value       = aws_apigatewayv2_stage.default.invoke_url
}

output "function_names" {
  description = "Lambda function name per catalog function."
  value       = { for name, f in aws_lambda_function.this : name => f.function_name }
}

output "db_endpoint" {
  description = "PostgreSQL endpoint (host:port)."
  value       = aws_db_instance.this.endpoint
}

output "db_secret_arn" {
  description = "Secrets Manager secret with the database master credentials (managed and rotated by RDS)."
  value       = local.db_secret_arn
}

output "redis_endpoint" {
  description = "Primary endpoint of the Redis replication group (TLS)."
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "jwt_secret_arn" {
  description = "Secret to put the token signing key into before the first request."
  value       = aws_secretsmanager_secret.jwt_signing_key.arn
}

output "credentials_kms_key_arn" {
  description = "KMS key for broker-credential envelope encryption."
  value       = aws_kms_key.credentials.arn
}

output "lambda_security_group_id" {
  description = "Security group of the functions and Kafka pollers; a self-managed Kafka cluster must admit it on its broker port."
  value       = aws_security_group.lambda.id
}

output "package_bucket" {
  description = "S3 bucket holding the functions' deployment packages (uploaded by apply)."
  value       = aws_s3_bucket.packages.id
}
