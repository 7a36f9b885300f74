# PostgreSQL holds the event store (the single source of truth) and the read models; Redis caches read
# models and holds locks. Both live in the private subnets, encrypted at rest and reachable only from the
# functions' security group.

resource "aws_db_subnet_group" "this" {
  name       = local.name_prefix
  subnet_ids = var.subnet_ids
}

resource "aws_db_instance" "this" {
  identifier     = local.name_prefix
  engine         = "postgres"
  engine_version = var.db_engine_version
  instance_class = var.db_instance_class

  allocated_storage     = var.db_allocated_storage
  max_allocated_storage = var.db_max_allocated_storage
  storage_type          = "gp3"
  storage_encrypted     = true

  db_name  = "tradecore"
  username = var.db_username
  # RDS generates the password, keeps it in Secrets Manager and rotates it: it never enters Terraform
  # state. Functions read it through TRADECORE_DB_SECRET_ARN.
  manage_master_user_password = true

  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.db.id]
  publicly_accessible    = false
  multi_az               = var.db_multi_az

  backup_retention_period   = var.db_backup_retention_days
  copy_tags_to_snapshot     = true
  deletion_protection       = var.db_deletion_protection
  skip_final_snapshot       = false
  final_snapshot_identifier = "${local.name_prefix}-final"

  auto_minor_version_upgrade = true
}

locals {
  db_secret_arn = aws_db_instance.this.master_user_secret[0].secret_arn
}

resource "aws_elasticache_subnet_group" "this" {
  name       = local.name_prefix
  subnet_ids = var.subnet_ids
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id = local.name_prefix
  description          = "TradeCore read-model cache, locks and live push (${var.environment})"

  engine             = "redis"
  engine_version     = var.redis_engine_version
  node_type          = var.redis_node_type
  port               = 6379
  num_cache_clusters = var.redis_num_cache_clusters

  # A replica in another zone takes over on failure; with one node there is nothing to fail over to.
  automatic_failover_enabled = var.redis_num_cache_clusters > 1
  multi_az_enabled           = var.redis_num_cache_clusters > 1

  subnet_group_name  = aws_elasticache_subnet_group.this.name
  security_group_ids = [aws_security_group.redis.id]

  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}
