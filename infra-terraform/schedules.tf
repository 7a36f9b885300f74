# Scheduled jobs: one EventBridge Scheduler schedule per catalog job that has a schedule, with the
# catalog's expression as is (rate(...) or cron(...)). One role, allowed to invoke those jobs' `live`
# aliases and nothing else.

resource "aws_iam_role" "scheduler" {
  count = length(local.scheduled_jobs) > 0 ? 1 : 0

  name        = "${local.name_prefix}-scheduler"
  description = "EventBridge Scheduler: invokes TradeCore jobs."
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "scheduler.amazonaws.com" }
      Action    = "sts:AssumeRole"
      # Confused-deputy guard: only schedules of this account may use the role.
      Condition = { StringEquals = { "aws:SourceAccount" = local.account_id } }
    }]
  })
}

resource "aws_iam_role_policy" "scheduler" {
  count = length(local.scheduled_jobs) > 0 ? 1 : 0

  name = "invoke-jobs"
  role = aws_iam_role.scheduler[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "InvokeJobs"
      Effect   = "Allow"
      Action   = ["lambda:InvokeFunction"]
      Resource = [for name in keys(local.scheduled_jobs) : local.live_alias_arns[name]]
    }]
  })
}

resource "aws_scheduler_schedule" "job" {
  for_each = local.scheduled_jobs

  name                         = local.function_names[each.key]
  description                  = "TradeCore job ${each.key}"
  schedule_expression          = each.value.schedule
  schedule_expression_timezone = "UTC"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_lambda_alias.live[each.key].arn
    role_arn = aws_iam_role.scheduler[0].arn

    # Jobs are idempotent housekeeping and run again at the next tick; a retry storm helps nobody.
    retry_policy {
      maximum_retry_attempts = 2
    }
  }
}
