# The HTTP API: one route per command and query, each to its own function's `live` alias, exactly as the
# local gateway routes them. Routes carry no API Gateway authorizer: tokens are HS256 and verified by the
# kernel in the function (a route marked public in the catalog is simply one the kernel lets through
# without a token), which keeps one security implementation for local-dev, tests and AWS.

resource "aws_apigatewayv2_api" "http" {
  name          = "${local.name_prefix}-http"
  description   = "TradeCore commands and queries, routed from the function catalog."
  protocol_type = "HTTP"
}

resource "aws_cloudwatch_log_group" "api_access" {
  name              = "/aws/apigateway/${local.name_prefix}-http"
  retention_in_days = var.log_retention_days
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = var.api_throttling.rate_limit
    throttling_burst_limit = var.api_throttling.burst_limit
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    # requestId matches the Lambda's request context, so a gateway line leads to the function's log.
    format = jsonencode({
      requestId          = "$context.requestId"
      ip                 = "$context.identity.sourceIp"
      requestTime        = "$context.requestTime"
      routeKey           = "$context.routeKey"
      status             = "$context.status"
      responseLength     = "$context.responseLength"
      integrationStatus  = "$context.integrationStatus"
      integrationLatency = "$context.integrationLatency"
      integrationError   = "$context.integrationErrorMessage"
    })
  }
}

resource "aws_apigatewayv2_integration" "function" {
  for_each = local.http_functions

  api_id                 = aws_apigatewayv2_api.http.id
  description            = each.key
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_alias.live[each.key].invoke_arn
  payload_format_version = "2.0"
  timeout_milliseconds   = min(30000, var.lambda_timeout_seconds[each.value.kind] * 1000)
}

resource "aws_apigatewayv2_route" "function" {
  for_each = local.http_functions

  api_id = aws_apigatewayv2_api.http.id
  # The catalog's path variables ({userId}) are API Gateway's path parameter syntax as they are.
  route_key      = "${each.value.http.method} ${each.value.http.path}"
  operation_name = each.key
  target         = "integrations/${aws_apigatewayv2_integration.function[each.key].id}"
}

resource "aws_lambda_permission" "api" {
  for_each = local.http_functions

  statement_id  = "AllowHttpApiRoute"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this[each.key].function_name
  qualifier     = aws_lambda_alias.live[each.key].name
  principal     = "apigateway.amazonaws.com"
  # Only this route may invoke the function: <api>/<stage>/<METHOD>/<path>, path parameters as "*".
  source_arn = "${aws_apigatewayv2_api.http.execution_arn}/*/${each.value.http.method}${replace(each.value.http.path, "/\\{[^}]+\\}/", "*")}"
}
