#!/usr/bin/env bash
# A walk through the running stack (start it with local-dev/run.sh): register a user, sign in, update the profile,
# read it back with the consistency token, change the email, read again; then the same facts where they landed:
# both Kafka topics, the `users` read model in PostgreSQL, and the cached profile in Redis.
# Needs curl, jq, psql and redis-cli. Environment: TRADECORE_URL (http://127.0.0.1:8080), PGHOST/PGPORT/PGUSER/
# PGDATABASE (127.0.0.1/5432/postgres/tradecore), REDIS_HOST/REDIS_PORT, TRADECORE_KAFKA_BOOTSTRAP_SERVERS.
set -euo pipefail
cd "$(dirname "$0")/.."
source local-dev/jdk.sh

for tool in curl jq psql redis-cli; do
  command -v "$tool" >/dev/null || { echo "demo.sh needs $tool (e.g. apt-get install -y curl jq postgresql-client redis-tools)" >&2; exit 1; }
done
[ -f "$TC_STACK_JAR" ] || { echo "demo.sh: $TC_STACK_JAR is missing; start the stack with local-dev/run.sh first" >&2; exit 1; }
URL=${TRADECORE_URL:-http://127.0.0.1:8080}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-tradecore}
curl -sf "$URL/actuator/health" >/dev/null || { echo "demo.sh: no stack at $URL; start it with local-dev/run.sh" >&2; exit 1; }

if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
headers_file=$(mktemp)
trap 'rm -f "$headers_file"' EXIT
step() { printf '\n%s== %s%s\n' "$bold" "$*" "$plain"; }
# call METHOD PATH [BODY] [extra curl args...]: prints the request, the status line, chosen headers and the body;
# leaves the body in $BODY and the headers in $HEADERS.
call() {
  local method=$1 path=$2 body=${3:-}; shift 3 || shift $#
  local args=(-s -m 60 -X "$method" "$URL$path" -D "$headers_file" -H 'Content-Type: application/json' "$@")
  [ -n "$body" ] && args+=(-d "$body")
  printf '$ curl -X %s %s%s\n' "$method" "$path" "${body:+ -d '$body'}"
  BODY=$(curl "${args[@]}")
  HEADERS=$(tr -d '\r' < "$headers_file")
  grep -E '^HTTP/|^(ETag|X-Consistency-Token|Content-Type):' <<<"$HEADERS" || true
  jq . <<<"$BODY" 2>/dev/null || printf '%s\n' "$BODY"
}
header() { grep -i "^$1:" <<<"$HEADERS" | cut -d' ' -f2-; }

name="demo$(date +%s)"
password="correct horse battery staple"

step "1. Register $name (public route; Argon2id hashing makes this one slow on purpose)"
call POST /api/users/create "{\"username\":\"$name\",\"email\":\"$name@example.com\",\"password\":\"$password\"}"
user=$(jq -r .streamId <<<"$BODY")

step "2. Get a token"
call POST /api/auth/token "{\"username\":\"$name\",\"password\":\"$password\"}"
auth="Authorization: Bearer $(jq -r .access_token <<<"$BODY")"

step "3. Set the profile (an event, version 2)"
call POST "/api/users/$user/update-profile" '{"displayName":"Ada Lovelace","bio":"Analyst","timezone":"Europe/London"}' -H "$auth"
token=$(header X-Consistency-Token)

step "4. Read it back, waiting for the read model to reach the command (X-Consistency-Token: $token)"
call GET "/api/users/$user" "" -H "$auth" -H "X-Consistency-Token: $token"

step "5. Change the email"
call POST "/api/users/$user/change-email" "{\"email\":\"ada.$name@example.org\"}" -H "$auth"
token=$(header X-Consistency-Token)

step "6. Read again with the new token"
call GET "/api/users/$user" "" -H "$auth" -H "X-Consistency-Token: $token"

step "7. The stream in Kafka: eventstore.user_account (the archive)"
tc_stack_main io.tradecore.localdev.TopicTail eventstore.user_account "$user"
step "   ... and transport.user_account (the bus the projector reads)"
tc_stack_main io.tradecore.localdev.TopicTail transport.user_account "$user"

step "8. The event store rows and the users read model row in PostgreSQL"
psql -X -P pager=off -c "SELECT global_position, version, event_type, payload FROM event_store_events WHERE stream_id = '$user' ORDER BY version"
psql -X -P pager=off -x -c "SELECT * FROM users WHERE id = '$user'"

step "9. The cached profile in Redis (written by step 6's read, dropped by the projector on the next change)"
echo "\$ redis-cli GET user:$user:profile"
redis-cli -h "${REDIS_HOST:-127.0.0.1}" -p "${REDIS_PORT:-6379}" GET "user:$user:profile"
echo "\$ redis-cli TTL user:$user:profile"
redis-cli -h "${REDIS_HOST:-127.0.0.1}" -p "${REDIS_PORT:-6379}" TTL "user:$user:profile"
