# Security groups. The data stores admit only the functions' group; the functions may call out anywhere,
# because they need HTTPS to AWS APIs (Secrets Manager, KMS) and Kafka on brokers this module does not own.

resource "aws_security_group" "lambda" {
  name        = "${local.name_prefix}-functions"
  description = "TradeCore functions and their Kafka pollers"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "lambda_all" {
  security_group_id = aws_security_group.lambda.id
  description       = "AWS APIs, Kafka brokers, PostgreSQL, Redis"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_security_group" "db" {
  name        = "${local.name_prefix}-postgres"
  description = "TradeCore PostgreSQL: functions only"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "db_from_functions" {
  security_group_id            = aws_security_group.db.id
  description                  = "PostgreSQL from TradeCore functions"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.lambda.id
}

resource "aws_security_group" "redis" {
  name        = "${local.name_prefix}-redis"
  description = "TradeCore Redis: functions only"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "redis_from_functions" {
  security_group_id            = aws_security_group.redis.id
  description                  = "Redis (TLS) from TradeCore functions"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = aws_security_group.lambda.id
}
