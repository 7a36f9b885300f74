# ---------------------------------------------------------------------------------------------------------
# Environment and inputs
# ---------------------------------------------------------------------------------------------------------

variable "environment" {
  description = "Deployment name (dev, staging, prod, ...). Prefixes every resource name: tradecore-<environment>-..."
  type        = string

  validation {
    # Short enough that the longest derived name (the ElastiCache replication group id, 40 chars) fits.
    condition     = can(regex("^[a-z][a-z0-9-]{0,19}$", var.environment))
    error_message = "environment: lowercase letters, digits and '-', starting with a letter, at most 20 characters."
  }
}

variable "aws_region" {
  description = "AWS region of every resource."
  type        = string
  default     = "eu-west-1"
}

variable "catalog_file" {
  description = "Function catalog JSON written by io.tradecore.kernel.catalog.CatalogExport. Null: the checked-in function-catalog.json next to this file."
  type        = string
  default     = null
}

variable "functions_dir" {
  description = "Directory holding the function modules; packages are <functions_dir>/<module>/target/tradecore-<module>-aws.jar (lambda_jvm = \"managed\") or tradecore-<module>-lambda-jdk25.zip (\"jdk25-aot\"). Null: ../functions."
  type        = string
  default     = null
}

variable "kernel_package_module" {
  description = "Module whose deployment package runs the kernel's own functions (catalog module \"kernel\": jobs, operator routes, migrateSchema); every function jar contains the kernel."
  type        = string
  default     = "user-account"
}

variable "placeholder_package" {
  description = "Deployment package used for a module whose jar is not built yet, so validate/plan/test work before a Java build. Apply fails on it, as it should."
  type        = string
  default     = "package-not-built.jar"
}

# ---------------------------------------------------------------------------------------------------------
# Lambda
# ---------------------------------------------------------------------------------------------------------

variable "lambda_architecture" {
  description = "Instruction set of every function: arm64 (Graviton, cheaper per GB-second) or x86_64."
  type        = string
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.lambda_architecture)
    error_message = "lambda_architecture must be arm64 or x86_64."
  }
}

variable "lambda_runtime" {
  description = "Managed Java runtime (lambda_jvm = \"managed\"); the code is compiled for release 21."
  type        = string
  default     = "java21"
}

variable "lambda_jvm" {
  description = "How every function's JVM starts. \"managed\": AWS's Java runtime (lambda_runtime) runs the -aws.jar, with SnapStart for snapstart_kinds and lambda_java_tool_options. \"jdk25-aot\": a custom runtime (provided.al2023) runs tradecore-<module>-lambda-jdk25.zip, built by custom-runtime/package.sh after ./mvnw package: a jlinked JDK 25, the JVM AOT cache of a build-time training run and Spring AOT's precomputed context, C1 only (the fastest cold start measured, local-dev/BENCHMARKS.md); Lambda offers SnapStart on managed runtimes only, so none there."
  type        = string
  default     = "managed"

  validation {
    condition     = contains(["managed", "jdk25-aot"], var.lambda_jvm)
    error_message = "lambda_jvm must be managed or jdk25-aot."
  }
}

variable "lambda_memory_mb" {
  description = "Memory per function kind, in MB (CPU scales with it)."
  type = object({
    command   = optional(number, 1024)
    query     = optional(number, 1024)
    projector = optional(number, 1024)
    policy    = optional(number, 1024)
    saga_step = optional(number, 1024)
    job       = optional(number, 512)
  })
  default = {}
}

variable "secrets_extension_layer_arn" {
  description = "ARN of the AWS Parameters and Secrets Lambda Extension layer for the region and architecture; the functions read TRADECORE_DB_SECRET_ARN and TRADECORE_SECURITY_JWT_SECRET_ARN through it at start."
  type        = string
  default     = null
}

variable "lambda_timeout_seconds" {
  description = "Timeout per function kind, in seconds."
  type = object({
    command   = optional(number, 29)
    query     = optional(number, 29)
    projector = optional(number, 120)
    policy    = optional(number, 120)
    saga_step = optional(number, 300)
    job       = optional(number, 900)
  })
  default = {}

  validation {
    # API Gateway gives up on an integration after 30 s; a longer Lambda would keep working for nobody.
    condition     = var.lambda_timeout_seconds.command <= 30 && var.lambda_timeout_seconds.query <= 30
    error_message = "command and query timeouts must be at most 30 s, API Gateway's integration limit."
  }
}

variable "snapstart_kinds" {
  description = "Function kinds that get SnapStart (published versions restored from a snapshot): the ones a user waits on."
  type        = list(string)
  default     = ["command", "query"]

  validation {
    condition     = alltrue([for kind in var.snapstart_kinds : contains(["command", "query", "projector", "policy", "saga_step", "job"], kind)])
    error_message = "snapstart_kinds may only name command, query, projector, policy, saga_step, job."
  }
}

variable "lambda_java_tool_options" {
  description = "JAVA_TOOL_OPTIONS of every function on the managed runtime: C1 only by default, the fastest start measured there (local-dev/BENCHMARKS.md, cold start). Empty sends none. The jdk25-aot package's bootstrap sets its own options."
  type        = string
  default     = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
}

variable "lambda_environment" {
  description = "Extra environment for every function (Spring properties in environment form, e.g. SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE); the contract variables win over it."
  type        = map(string)
  default     = {}
}

variable "log_retention_days" {
  description = "Retention of every function's and the API's CloudWatch log group."
  type        = number
  default     = 30
}

variable "credential_functions" {
  description = "Functions that seal or open broker credentials (envelope encryption under the KMS key): only their roles may use the key, and only they are told its ARN. The others of broker_connection (queries, projector, orchestrator, clean-up, failure record, jobs) never touch a credential."
  type        = list(string)
  default = [
    "connectBroker",                         # seals the credentials (GenerateDataKey on a user's first connection)
    "disconnectBroker",                      # opens them to close the session at the broker
    "connectBrokerStep1ValidateCredentials", # each step opens them to call the broker
    "connectBrokerStep2EstablishConnection",
    "connectBrokerStep3FetchAccounts",
    "connectBrokerStep4Finalize",
    "connectBrokerCompensateDisconnect",
    "shredDeletedUsersCredentials", # disconnects a deleted user's connections (opens), then destroys the key
  ]
}

# ---------------------------------------------------------------------------------------------------------
# Kafka: self-managed (Redpanda) or MSK, exactly one
# ---------------------------------------------------------------------------------------------------------

variable "kafka_bootstrap_servers" {
  description = "Comma-separated bootstrap servers of a self-managed Kafka/Redpanda cluster reachable from subnet_ids. Set this or msk_cluster_arn."
  type        = string
  default     = null
}

variable "msk_cluster_arn" {
  description = "ARN of an Amazon MSK cluster. Set this or kafka_bootstrap_servers."
  type        = string
  default     = null

  validation {
    condition     = (var.msk_cluster_arn == null) != (var.kafka_bootstrap_servers == null)
    error_message = "Set exactly one of kafka_bootstrap_servers (self-managed Kafka/Redpanda) or msk_cluster_arn (MSK)."
  }

  validation {
    condition     = var.msk_cluster_arn == null || can(regex("^arn:[^:]+:kafka:[^:]+:[0-9]{12}:cluster/[^/]+/[^/]+$", var.msk_cluster_arn))
    error_message = "msk_cluster_arn must look like arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>."
  }
}

variable "msk_broker_listener" {
  description = "Which MSK bootstrap broker string the functions' own Kafka clients get: plaintext, tls, sasl_iam or sasl_scram."
  type        = string
  default     = "tls"

  validation {
    condition     = contains(["plaintext", "tls", "sasl_iam", "sasl_scram"], var.msk_broker_listener)
    error_message = "msk_broker_listener must be plaintext, tls, sasl_iam or sasl_scram."
  }
}

variable "kafka_topic_prefix" {
  description = "Prefix of every topic and consumer group, as TRADECORE_KAFKA_TOPIC_PREFIX does in the kernel (lets environments share a cluster)."
  type        = string
  default     = ""
}

variable "kafka_batch_size" {
  description = "Most records per projector/saga-step invocation."
  type        = number
  default     = 100

  validation {
    condition     = var.kafka_batch_size >= 1 && var.kafka_batch_size <= 10000
    error_message = "kafka_batch_size must be between 1 and 10000."
  }
}

# ---------------------------------------------------------------------------------------------------------
# Network
# ---------------------------------------------------------------------------------------------------------

variable "vpc_id" {
  description = "VPC of the functions, the database and the cache."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets (at least two availability zones) for functions, database, cache and Kafka pollers. They need a route to the AWS APIs (NAT or interface endpoints for Secrets Manager and KMS)."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "subnet_ids needs at least two subnets (RDS and ElastiCache subnet groups span availability zones)."
  }
}

variable "lambda_security_group_ids" {
  description = "Extra security groups for the functions, e.g. one a self-managed Kafka cluster already admits."
  type        = list(string)
  default     = []
}

# ---------------------------------------------------------------------------------------------------------
# PostgreSQL (event store and read models)
# ---------------------------------------------------------------------------------------------------------

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.medium"
}

variable "db_engine_version" {
  description = "PostgreSQL major (or major.minor) version."
  type        = string
  default     = "17"
}

variable "db_allocated_storage" {
  description = "Initial storage, GB."
  type        = number
  default     = 50
}

variable "db_max_allocated_storage" {
  description = "Storage autoscaling ceiling, GB."
  type        = number
  default     = 500
}

variable "db_username" {
  description = "Master user; its password is generated and rotated by RDS in Secrets Manager, never seen by Terraform."
  type        = string
  default     = "tradecore"
}

variable "db_multi_az" {
  description = "Standby in a second availability zone. The event store is the single source of truth: true for production."
  type        = bool
  default     = false
}

variable "db_backup_retention_days" {
  description = "Automated backup (point-in-time recovery) retention, days."
  type        = number
  default     = 7
}

variable "db_deletion_protection" {
  description = "Refuse to delete the database (turn off deliberately, in its own apply, to tear an environment down)."
  type        = bool
  default     = true
}

# ---------------------------------------------------------------------------------------------------------
# Redis (read-model cache, locks, live push)
# ---------------------------------------------------------------------------------------------------------

variable "redis_node_type" {
  description = "ElastiCache node type."
  type        = string
  default     = "cache.t4g.small"
}

variable "redis_engine_version" {
  description = "Redis OSS engine version."
  type        = string
  default     = "7.1"
}

variable "redis_num_cache_clusters" {
  description = "Nodes in the replication group (primary + replicas); 2 or more turns on automatic failover across zones."
  type        = number
  default     = 2
}

# ---------------------------------------------------------------------------------------------------------
# HTTP API
# ---------------------------------------------------------------------------------------------------------

variable "api_throttling" {
  description = "Account-independent limits of the HTTP API's default route settings (requests per second and burst)."
  type = object({
    rate_limit  = optional(number, 100)
    burst_limit = optional(number, 200)
  })
  default = {}
}
