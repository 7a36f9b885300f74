# The function catalog is the single source of what gets deployed: one Lambda per entry, plus its trigger
# (route, Kafka subscription or schedule). Nothing below names a function; adding a catalog entry is enough.

locals {
  name_prefix = "tradecore-${var.environment}"

  catalog_file = coalesce(var.catalog_file, "${path.module}/function-catalog.json")
  catalog      = jsondecode(file(local.catalog_file))

  # The export leaves out what an entry does not have (no http on a projector, no schedule on a job the
  # deploy runs itself); the defaults give every entry the same attributes.
  entry_defaults = { domain = null, http = null, topics = [], consumerGroup = null, schedule = null }
  functions      = { for f in local.catalog.functions : f.name => merge(local.entry_defaults, f) }

  http_functions  = { for name, f in local.functions : name => f if contains(["command", "query"], f.kind) }
  topic_functions = { for name, f in local.functions : name => f if contains(["projector", "policy", "saga_step"], f.kind) }
  # Jobs with a schedule run on it; a job without one (migrateSchema) is run by the deploy itself, once per
  # new version, before any alias moves (deploy_jobs.tf).
  scheduled_jobs = { for name, f in local.functions : name => f if f.kind == "job" && f.schedule != null }
  deploy_jobs    = { for name, f in local.functions : name => f if f.kind == "job" && f.schedule == null }

  # The kernel's Lambda adapters, one per trigger shape; the function itself is chosen by
  # SPRING_CLOUD_FUNCTION_DEFINITION.
  handlers = {
    command   = "io.tradecore.kernel.aws.HttpApiHandler::handleRequest"
    query     = "io.tradecore.kernel.aws.HttpApiHandler::handleRequest"
    projector = "io.tradecore.kernel.aws.KafkaBatchHandler::handleRequest"
    policy    = "io.tradecore.kernel.aws.KafkaBatchHandler::handleRequest"
    saga_step = "io.tradecore.kernel.aws.KafkaBatchHandler::handleRequest"
    job       = "io.tradecore.kernel.aws.ScheduledJobHandler::handleRequest"
  }

  function_names = { for name in keys(local.functions) : name => "${local.name_prefix}-${name}" }

  # Kafka: one event source mapping per (function, topic), because a Lambda Kafka mapping takes exactly one
  # topic. A consumer group id must be unique across all Kafka mappings, so a function with several topics
  # gets one group per topic; a single-topic function keeps the catalog's group. Topic and group carry the
  # prefix, as in the kernel's own bindings.
  subscriptions = merge([
    for name, f in local.topic_functions : {
      for topic in f.topics : "${name}/${topic}" => {
        function       = name
        topic          = "${var.kafka_topic_prefix}${topic}"
        consumer_group = length(f.topics) == 1 ? "${var.kafka_topic_prefix}${f.consumerGroup}" : "${var.kafka_topic_prefix}${f.consumerGroup}-${topic}"
      }
    }
  ]...)

  # Deployment packages, one per module. The kernel's own functions (jobs, operator routes) ride in a
  # function module's jar: each contains the kernel.
  functions_dir  = coalesce(var.functions_dir, "${path.module}/../functions")
  package_module = { for name, f in local.functions : name => f.module == "kernel" ? var.kernel_package_module : f.module }
  # The jdk25-aot package is a zip beside the jar, with a manifest naming the architecture its JDK was linked for.
  package_suffix = var.lambda_jvm == "managed" ? "aws.jar" : "lambda-jdk25.zip"
  packages = {
    for module in distinct(values(local.package_module)) : module => {
      path     = "${local.functions_dir}/${module}/target/tradecore-${module}-${local.package_suffix}"
      built    = fileexists("${local.functions_dir}/${module}/target/tradecore-${module}-${local.package_suffix}")
      manifest = "${local.functions_dir}/${module}/target/tradecore-${module}-lambda-jdk25.json"
    }
  }
  # The packages that exist go to S3 (artifacts.tf), under a key naming their content: a rebuilt package is a
  # new object, and an unchanged one is neither uploaded nor redeployed.
  built_packages = {
    for module, package in local.packages : module => merge(package, {
      key  = "${module}/${filesha256(package.path)}/${basename(package.path)}"
      hash = filebase64sha256(package.path)
    }) if package.built
  }
  package_architecture = {
    for module, package in local.packages : module =>
    var.lambda_jvm == "jdk25-aot" && fileexists(package.manifest) ? jsondecode(file(package.manifest)).architecture : null
  }
}

# A warning, not an error: validate, plan and the tests must work before the Java build has run.
check "deployment_packages_built" {
  assert {
    condition     = alltrue([for package in values(local.packages) : package.built])
    error_message = "Not built yet, planned with ${var.placeholder_package} instead: ${join(", ", [for package in values(local.packages) : package.path if !package.built])}. Run ./mvnw package${var.lambda_jvm == "managed" ? "" : ", then custom-runtime/package.sh,"} before apply."
  }
}
