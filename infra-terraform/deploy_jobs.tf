# Jobs without a schedule are steps of the deploy itself: migrateSchema applies pending Flyway migrations
# (Lambdas do not migrate on cold start). Each runs synchronously on the version just published, once per
# new version, and every `live` alias waits for it (lambda.tf): a failed migration fails the apply before
# any new code receives traffic, and migrations must stay compatible with the code still live meanwhile.

resource "aws_lambda_invocation" "deploy_job" {
  for_each = local.deploy_jobs

  function_name = aws_lambda_function.this[each.key].function_name
  qualifier     = aws_lambda_function.this[each.key].version
  input         = jsonencode({ source = "terraform", environment = var.environment })

  # A new published version is a new invocation.
  triggers = {
    version = aws_lambda_function.this[each.key].version
  }
}
