# The deployment packages, one per function module, in a private bucket of this deploy. Lambda accepts at most
# 50 MB zipped as a direct upload; the -aws.jar (about 100 MB) and the jdk25-aot zip (about 150 MB) go through S3.

resource "aws_s3_bucket" "packages" {
  # Bucket names are global: the account and region make this one's unique (at most 62 characters).
  bucket = "${local.name_prefix}-pkg-${local.account_id}-${var.aws_region}"
  # Everything in it is a package this configuration uploaded; a destroyed deploy takes them along.
  force_destroy = true
}

resource "aws_s3_bucket_public_access_block" "packages" {
  bucket                  = aws_s3_bucket.packages.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "packages" {
  bucket = aws_s3_bucket.packages.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "packages" {
  bucket = aws_s3_bucket.packages.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_object" "package" {
  for_each = local.built_packages

  bucket       = aws_s3_bucket.packages.bucket
  key          = each.value.key
  source       = each.value.path
  source_hash  = each.value.hash
  content_type = endswith(each.value.path, ".zip") ? "application/zip" : "application/java-archive"

  depends_on = [aws_s3_bucket_server_side_encryption_configuration.packages]
}
