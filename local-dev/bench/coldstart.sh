#!/usr/bin/env bash
# Cold start of one command function from its Lambda deployment package, on this machine: JVM start to the
# first handled invocation, through io.tradecore.kernel.aws.LocalInvoke (which plays the Lambda runtime: init
# phase = handler construction, then one API Gateway event). Compares
#   plain        java -cp <package>
#   cds          with an application class-data-sharing archive (-XX:SharedArchiveFile, made by a training run)
#   aot          with a JDK 25 AOT cache (-XX:AOTCache, made by a training run with -XX:AOTCacheOutput)
#   aot+c1       the AOT cache plus -XX:TieredStopAtLevel=1 (a common Lambda JAVA_TOOL_OPTIONS choice)
#   aot+c1+spring-aot  the same with Spring AOT's precomputed context (-Dspring.aot.enabled=true; the module's build
#                ran process-aot), its cache trained with the same options: what lambda_jvm = "jdk25-aot" deploys
# each RUNS times (median reported). Needs PostgreSQL (a schema of its own); no Kafka or Redis is touched by
# the measured command. Usage: local-dev/bench/coldstart.sh   (RUNS=5 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
. local-dev/jdk.sh

RUNS="${RUNS:-5}"
PACKAGE=functions/user-account/target/tradecore-user-account-aws.jar
WORK=local-dev/bench/.work/coldstart
mkdir -p "$WORK"
[[ -f "$PACKAGE" ]] || ./mvnw -q -B -ntp -DskipTests install
java_bin="$(tc_java)"

export SPRING_DATASOURCE_URL="${SPRING_DATASOURCE_URL:-jdbc:postgresql://127.0.0.1:5432/tradecore}"
export TRADECORE_DB_SCHEMA=coldstart
export TRADECORE_RUNTIME=lambda
export TRADECORE_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092
export LOGGING_LEVEL_ROOT=WARN

invoke() { # invoke <function> <handler> <event file> [jvm options...]
  local function="$1" handler="$2" event="$3"
  shift 3
  SPRING_CLOUD_FUNCTION_DEFINITION="$function" "$java_bin" "$@" -cp "$PACKAGE" \
    io.tradecore.kernel.aws.LocalInvoke "io.tradecore.kernel.aws.$handler" "$event"
}

# The migration job creates the schema, not the database: a fresh machine has none yet.
psql -h 127.0.0.1 -U postgres -Atc "SELECT 1 FROM pg_database WHERE datname = 'tradecore'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE tradecore"
echo '{}' > "$WORK/empty.json"
echo "== setup: migrate the schema, register a user, get a token (these runs are not measured)"
invoke migrateSchema ScheduledJobHandler "$WORK/empty.json" 2>/dev/null >/dev/null
user="cold$(date +%s)"
body="{\"username\":\"$user\",\"email\":\"$user@example.com\",\"password\":\"correct horse battery\"}"
printf '{"version":"2.0","routeKey":"POST /api/users/create","headers":{"content-type":"application/json"},"body":%s}' \
  "$(printf '%s' "$body" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')" > "$WORK/create.json"
# The answer is the last line of stdout (the banner and any log lines come before it).
user_id="$(invoke createUser HttpApiHandler "$WORK/create.json" 2>/dev/null | tail -n 1 | python3 -c 'import json,sys; print(json.loads(json.loads(sys.stdin.read())["body"])["streamId"])')"
body="{\"username\":\"$user\",\"password\":\"correct horse battery\"}"
printf '{"version":"2.0","routeKey":"POST /api/auth/token","headers":{"content-type":"application/json"},"body":%s}' \
  "$(printf '%s' "$body" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')" > "$WORK/token.json"
token="$(invoke issueToken HttpApiHandler "$WORK/token.json" 2>/dev/null | tail -n 1 | python3 -c 'import json,sys; print(json.loads(json.loads(sys.stdin.read())["body"])["access_token"])')"
printf '{"version":"2.0","routeKey":"POST /api/users/{userId}/update-profile","headers":{"content-type":"application/json","authorization":"Bearer %s"},"pathParameters":{"userId":"%s"},"body":"{\\"displayName\\":\\"Cold %s\\"}","isBase64Encoded":false}' \
  "$token" "$user_id" "$RANDOM" > "$WORK/update.json"

measure() { # measure <label> [jvm options...]: prints the median total of RUNS runs
  local label="$1"
  shift
  local totals=()
  for _ in $(seq "$RUNS"); do
    local line
    line="$(invoke updateProfile HttpApiHandler "$WORK/update.json" "$@" 2>&1 >"$WORK/answer.json" | grep 'cold start:')"
    grep -q '"statusCode":200' "$WORK/answer.json" || { echo "  $label: the invocation failed: $(cat "$WORK/answer.json")"; exit 1; }
    totals+=("$(sed -E 's/.*total ([0-9]+) ms.*/\1/' <<<"$line")")
    last="$line"
  done
  local median
  median="$(printf '%s\n' "${totals[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")"
  printf '  %-17s median %5s ms over %s runs (all: %s); last run: %s\n' "$label" "$median" "$RUNS" "${totals[*]}" "${last#*cold start: }"
}

echo "== training runs for the archives"
invoke updateProfile HttpApiHandler "$WORK/update.json" -XX:ArchiveClassesAtExit="$WORK/app.jsa" >/dev/null 2>&1
invoke updateProfile HttpApiHandler "$WORK/update.json" -XX:AOTCacheOutput="$WORK/app.aot" >/dev/null 2>&1
# The best option's cache is trained as it runs: C1 only, Spring AOT's context (the classes it loads differ).
invoke updateProfile HttpApiHandler "$WORK/update.json" -XX:AOTCacheOutput="$WORK/app-spring-aot.aot" \
  -XX:TieredStopAtLevel=1 -Dspring.aot.enabled=true >/dev/null 2>&1

echo "== JVM start to first handled invocation of updateProfile ($("$java_bin" -version 2>&1 | head -n 1))"
measure plain
measure cds -XX:SharedArchiveFile="$WORK/app.jsa"
measure aot -XX:AOTCache="$WORK/app.aot"
measure aot+c1 -XX:AOTCache="$WORK/app.aot" -XX:TieredStopAtLevel=1
measure aot+c1+spring-aot -XX:AOTCache="$WORK/app-spring-aot.aot" -XX:TieredStopAtLevel=1 -Dspring.aot.enabled=true
