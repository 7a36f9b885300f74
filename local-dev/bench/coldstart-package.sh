#!/usr/bin/env bash
# Cold start of the lambda_jvm = "jdk25-aot" deployment package as Lambda would run it: the package unpacked into a
# task root, its bootstrap started with AWS_LAMBDA_RUNTIME_API pointing at a one-event Runtime API on loopback
# (runtime_api.py), timed from the bootstrap's start to the posted answer. Uses the event, schema and token that
# coldstart.sh set up (run it first). Usage: local-dev/bench/coldstart-package.sh   (RUNS=5 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${RUNS:-5}"
ZIP=functions/user-account/target/tradecore-user-account-lambda-jdk25.zip
WORK=local-dev/bench/.work/coldstart
[[ -f "$ZIP" ]] || { echo "build it first: ./mvnw package && infra-terraform/custom-runtime/package.sh user-account" >&2; exit 1; }
[[ -f "$WORK/update.json" ]] || { echo "run local-dev/bench/coldstart.sh first (it sets up the user and event)" >&2; exit 1; }
task="$WORK/task"
rm -rf "$task" && mkdir -p "$task" && unzip -q "$ZIP" -d "$task"

export SPRING_DATASOURCE_URL="${SPRING_DATASOURCE_URL:-jdbc:postgresql://127.0.0.1:5432/tradecore}"
export TRADECORE_DB_SCHEMA=coldstart TRADECORE_RUNTIME=lambda TRADECORE_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092
export LOGGING_LEVEL_ROOT=WARN SPRING_CLOUD_FUNCTION_DEFINITION=updateProfile
export _HANDLER=io.tradecore.kernel.aws.HttpApiHandler::handleRequest LAMBDA_TASK_ROOT="$PWD/$task"
totals=()
for run in $(seq "$RUNS"); do
  port=$((19000 + run))
  coproc API { exec python3 -u local-dev/bench/runtime_api.py "$port" "$WORK/update.json"; }
  read -r ready <&"${API[0]}"
  AWS_LAMBDA_RUNTIME_API="127.0.0.1:$port" "$task/bootstrap" >"$WORK/package-run.log" 2>&1 &
  jvm=$!
  read -r ms path body <&"${API[0]}"
  kill "$jvm" 2>/dev/null || true
  wait "$jvm" 2>/dev/null || true
  [[ -n "${API_PID:-}" ]] && wait "$API_PID" 2>/dev/null || true
  [[ "$path" == */response && "$body" == *'"statusCode":200'* ]] || { echo "  run $run failed: $path $body"; cat "$WORK/package-run.log"; exit 1; }
  totals+=("$ms")
done
median="$(printf '%s\n' "${totals[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")"
echo "  jdk25-aot package (bootstrap to answer posted) median $median ms over $RUNS runs (all: ${totals[*]})"
