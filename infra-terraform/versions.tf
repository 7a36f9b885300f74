terraform {
  # 1.9: variable validations that look at other variables (exactly one Kafka flavour).
  # The tests need 1.11 (mock values available at plan time, `override_during`).
  required_version = ">= 1.9.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # Pinned exactly: the lock file is not committed (see README), so the pin is what keeps every
      # machine, including the offline plugin mirror in CI, on the same provider.
      version = "5.100.0"
    }
  }

  # Partial configuration: bucket, key and region come from `-backend-config=<env>.s3.tfbackend`,
  # so one configuration serves every environment. The checks run with `init -backend=false`.
  backend "s3" {}
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Project     = "tradecore"
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}

# ARNs that IAM policies name are rendered from these instead of read back from resources, so every
# policy is known, reviewable and testable at plan time.
data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}
