# Keys the functions use, kept out of Terraform state: only the containers are managed here.

# Master key of the envelope encryption of broker credentials: per-user data keys are generated
# under it and stored wrapped next to the ciphertext, so credentials never appear in clear in events,
# logs or read models. Only the roles of var.credential_functions may use it (iam.tf). The key policy is
# the default one (the account administers the key, IAM policies grant its use).
resource "aws_kms_key" "credentials" {
  description             = "TradeCore ${var.environment}: envelope encryption of broker credentials"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "credentials" {
  name          = "alias/${local.name_prefix}-credentials"
  target_key_id = aws_kms_key.credentials.key_id
}

# Token secrets of the HTTP functions, as JSON {"jwtSecret": "<at least 32 bytes>", "fingerprintSecret": "..."}
# (HS256 signing key, and the key of Idempotency-Key request fingerprints). No secret version here on purpose: the
# value would land in state. Set it once per environment (README: "Before the first apply"); the kernel reads it
# at start through the secrets extension (SecretsEnvironment).
resource "aws_secretsmanager_secret" "jwt_signing_key" {
  name        = "${local.name_prefix}/jwt-signing-key"
  description = "HS256 signing key of TradeCore access tokens (at least 32 bytes)."
}
