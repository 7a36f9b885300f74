#!/usr/bin/env bash
# The offline checks of the Terraform deploy: fmt, init (no backend, providers from a local mirror when
# there is one), validate, test (mock provider, plan only: no AWS account, no network).
# Run by the Maven build at `verify`; runnable by hand from anywhere. Prints SKIPPED and succeeds when
# Terraform is not installed, so the Java build does not depend on it.
#
#   TERRAFORM      terraform binary            (default: terraform on PATH, else /usr/local/bin/terraform)
#   TF_PLUGIN_DIR  provider mirror for init    (default: /opt/tf-plugins when it exists, else the registry)
#   TF_DATA_DIR    Terraform's working data    (default: target/terraform here, so the checkout stays clean)
set -euo pipefail

cd "$(dirname "$0")"

terraform_bin="${TERRAFORM:-$(command -v terraform || true)}"
if [[ -z "$terraform_bin" && -x /usr/local/bin/terraform ]]; then
  terraform_bin=/usr/local/bin/terraform
fi
if [[ -z "$terraform_bin" ]]; then
  echo "infra-terraform: SKIPPED terraform checks (fmt, validate, test): terraform is not installed"
  exit 0
fi

export TF_DATA_DIR="${TF_DATA_DIR:-$PWD/target/terraform}"
export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1 # no upgrade hints, no call home
plugin_dir="${TF_PLUGIN_DIR:-/opt/tf-plugins}"
init_args=(-backend=false -input=false)
if [[ -d "$plugin_dir" ]]; then
  init_args+=("-plugin-dir=$plugin_dir")
fi

step() {
  echo "infra-terraform: terraform $*"
  "$terraform_bin" "$@"
}

version="$("$terraform_bin" version)" # not piped into head: with pipefail, an early close is SIGPIPE (141)
echo "${version%%$'\n'*}"
step fmt -check -recursive -diff
echo "infra-terraform: terraform init ${init_args[*]}"
"$terraform_bin" init "${init_args[@]}" >/dev/null
step validate -no-color
step test -no-color
