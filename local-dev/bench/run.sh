#!/usr/bin/env bash
# TradeCore benchmarks: one command, against the running local stack (local-dev/run.sh) on this machine.
#   1. setup        register BENCH_USERS (1,000) users concurrently and sign them in (tokens for the load)
#   2. updates      wrk, 16 connections, 2 threads: profile updates by random users, each appending an event;
#                   BENCH_WARMUP_SECONDS (120) of warm-up, then BENCH_SECONDS (60) measured with --latency,
#                   with CPU / PostgreSQL diagnostics sampled inside the measured run
#   3. registration wrk, 16 connections, BENCH_REGISTER_SECONDS (30): unique usernames
#   4. lag          fixed-rate updates at half the measured update rate for BENCH_PACED_SECONDS (70), then the
#                   tradecore.projection.lag percentiles (append -> read-model commit) from the actuator
#   5. load time    aggregate rehydration at 10..10,000 events (BENCH_LOAD_SIZES), with and without snapshots
#   6. raw ceiling  pgbench, 16 clients, 2 threads, BENCH_PGBENCH_SECONDS (30): single-row durable INSERTs into
#                   a copy of event_store_events (schema bench_raw)
# and a summary. About 7 minutes with the defaults. Output is also kept in local-dev/bench/.work/last-run.txt.
# Environment: TRADECORE_URL (http://127.0.0.1:8080), PGHOST/PGPORT/PGUSER/PGDATABASE (the stack's database),
# TRADECORE_DB_SCHEMA (public), SPRING_DATASOURCE_URL (for the load-time tool), BENCH_ADMIN_PASSWORD (password of
# user `admin`, registered if absent), BENCH_DRAIN_TIMEOUT (180 s: how long to wait for the read model to catch up
# after the saturation run).
set -euo pipefail
cd "$(dirname "$0")/../.."
source local-dev/jdk.sh
source local-dev/bench/diagnostics.sh

URL=${TRADECORE_URL:-http://127.0.0.1:8080}
USERS=${BENCH_USERS:-1000}
WARMUP=${BENCH_WARMUP_SECONDS:-120}
MEASURE=${BENCH_SECONDS:-60}
REGISTER=${BENCH_REGISTER_SECONDS:-30}
PACED=${BENCH_PACED_SECONDS:-70}
PGBENCH_SECONDS=${BENCH_PGBENCH_SECONDS:-30}
LOAD_SIZES=${BENCH_LOAD_SIZES:-10,100,1000,10000}
DRAIN_TIMEOUT=${BENCH_DRAIN_TIMEOUT:-180}
ADMIN_PASSWORD=${BENCH_ADMIN_PASSWORD:-admin-password-local-only}
SCHEMA=${TRADECORE_DB_SCHEMA:-public}
CONNECTIONS=16
THREADS=2
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-tradecore}
WORK=local-dev/bench/.work
RUN=$(date +%s) # makes this run's usernames unique

section() { printf '\n==== %s\n' "$*"; }
# sql QUERY...: psql, quiet, on the stack's schema, one -c per query
sql() {
  local query args=()
  for query in "$@"; do args+=(-c "$query"); done
  PGOPTIONS="-c client_min_messages=warning -c search_path=$SCHEMA" psql -X -q -At -v ON_ERROR_STOP=1 "${args[@]}"
}
# Events committed to the store but not yet sent to Kafka by the outbox relay.
unpublished() {
  sql "SELECT coalesce(max(global_position), 0) - coalesce((SELECT max(last_position) FROM outbox_relay_checkpoints), 0)
         FROM event_store_events"
}
# Events appended after position $1 that the users projection has not applied yet.
unprojected() {
  sql "SELECT count(*) FROM event_store_events e
         LEFT JOIN projection_checkpoints c ON c.projection = 'users' AND c.stream_id = e.stream_id
        WHERE e.global_position > $1 AND e.version > coalesce(c.version, 0)"
}
# result KEY FILE: the value of KEY=... on the last RESULT line of FILE that has it
result() { grep '^RESULT ' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p" | tail -1; }
calc() { awk "BEGIN { printf \"%s\", $* }"; }

# ---- prerequisites
ensure_wrk
for tool in wrk curl jq psql; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }
done
[ -f "$TC_STACK_JAR" ] || { echo "bench: $TC_STACK_JAR is missing; start the stack with local-dev/run.sh" >&2; exit 1; }
curl -sf "$URL/actuator/health" >/dev/null || { echo "bench: no stack at $URL; start it with local-dev/run.sh" >&2; exit 1; }
find_bench_jvms
mkdir -p "$WORK"
exec > >(tee "$WORK/last-run.txt") 2>&1

section "machine"
echo "$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(uname -sr)"
echo "stack: $URL, JVM pid ${STACK_PID:-?} ($("$(tc_java)" -version 2>&1 | head -1)); Kafka broker pid ${KAFKA_PID:-external}"
psql -X -At -c "SELECT version()" | cut -d, -f1
psql -X -At -F ' = ' -c "SELECT name, setting || coalesce(unit, '') FROM pg_settings WHERE name IN
  ('synchronous_commit', 'fsync', 'wal_sync_method', 'commit_delay', 'shared_buffers', 'max_connections') ORDER BY name" | sed 's/^/  /'
wrk --version 2>&1 | head -1 || true

section "1. setup: $USERS users, registered concurrently and signed in"
admin_token() {
  curl -s -m 60 -o /dev/null -X POST "$URL/api/users/create" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"email\":\"admin@tradecore.local\",\"password\":\"$ADMIN_PASSWORD\"}"
  curl -s -m 60 -X POST "$URL/api/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | jq -r '.access_token // empty'
}
ADMIN=$(admin_token)
[ -n "$ADMIN" ] || { echo "bench: user admin exists with another password; set BENCH_ADMIN_PASSWORD" >&2; exit 1; }
timeout 600 bash -c "source local-dev/jdk.sh; tc_stack_main io.tradecore.localdev.bench.BenchUsers '$URL' '$USERS' 8 '$WORK' 'b$RUN'"

section "2. update throughput: wrk -t$THREADS -c$CONNECTIONS, warm-up ${WARMUP} s, then ${MEASURE} s measured"
START_POSITION=$(sql "SELECT coalesce(max(global_position), 0) FROM event_store_events")
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s local-dev/bench/wrk.lua "$URL" -- update "$WORK/users.lua" > "$WORK/warmup.txt"
echo "warm-up: $(result rps "$WORK/warmup.txt") commands/s, p99 $(result p99_ms "$WORK/warmup.txt") ms, non-2xx $(result non2xx "$WORK/warmup.txt") ($(result statuses "$WORK/warmup.txt"))"
diagnostic_window=$(( MEASURE > 20 ? MEASURE - 10 : MEASURE / 2 ))
( sleep 5; diagnose "$diagnostic_window" "$WORK" ) &
diagnostics=$!
phase_begin
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${MEASURE}s" --latency -s local-dev/bench/wrk.lua "$URL" -- update "$WORK/users.lua" | tee "$WORK/update.txt"
phase_end "the measured update run" update | tee -a "$WORK/update.txt" | grep -v '^RESULT'
echo "at the end of the run: $(unpublished) events not yet published by the outbox relay, $(unprojected "$START_POSITION") not yet in the users read model"
UPDATE_RPS=$(result rps "$WORK/update.txt")
if wait "$diagnostics"; then
  diagnostics_report "$diagnostic_window" "$WORK" "$UPDATE_RPS" || echo "(diagnostics report failed)"
else
  echo "(diagnostics failed; the measurement above stands)"
fi
# What follows measures the read side in a steady state, not the backlog of a saturation run: wait for it.
drain_start=$SECONDS
while [ "$(unprojected "$START_POSITION")" != 0 ] && [ $(( SECONDS - drain_start )) -lt "$DRAIN_TIMEOUT" ]; do sleep 1; done
echo "read model caught up $(( SECONDS - drain_start )) s after the run (remaining: $(unprojected "$START_POSITION") events)"

section "3. registration throughput: wrk -t$THREADS -c$CONNECTIONS, ${REGISTER} s"
phase_begin
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${REGISTER}s" --latency -s local-dev/bench/wrk.lua "$URL" -- register "$RUN" | tee "$WORK/register.txt"
phase_end "the registration run" register | tee -a "$WORK/register.txt" | grep -v '^RESULT'

section "4. commit-to-read-model lag at half the update throughput, ${PACED} s"
PACED_RATE=$(calc "int($UPDATE_RPS / 2)")
lag_count() { curl -s -m 30 -H "Authorization: Bearer $ADMIN" "$URL/actuator/metrics/tradecore.projection.lag?tag=projection:users" \
  | jq -r '(.measurements // [])[] | select(.statistic == "COUNT") | .value'; }
before=$(lag_count)
phase_begin
timeout $(( PACED + 120 )) bash -c "source local-dev/jdk.sh; tc_stack_main io.tradecore.localdev.bench.PacedLoad '$URL' '$WORK/users.tsv' '$PACED_RATE' '$PACED'" | tee "$WORK/paced.txt"
sleep 1 # the last events' projection
phase_end "the paced run" paced | tee -a "$WORK/paced.txt" | grep -v '^RESULT'
cpu_report "$WORK/phase.before" "$WORK/phase.after" # (the generator has exited by now, so its own JVM is not listed)
# The metrics endpoint has count, total and max only; the published percentiles are in the Prometheus scrape.
curl -s -m 30 -H "Authorization: Bearer $ADMIN" "$URL/actuator/prometheus" | grep '^tradecore_projection_lag_seconds' | grep 'projection="users"' | tee "$WORK/lag.txt"
LAG_P50=$(calc "$(sed -n 's/.*quantile="0.5"} //p' "$WORK/lag.txt") * 1000")
LAG_P99=$(calc "$(sed -n 's/.*quantile="0.99"} //p' "$WORK/lag.txt") * 1000")
echo "events projected during the paced run: $(calc "$(lag_count) - ${before:-0}")"
server_quantile() { # $1 = quantile: the gateway's own time for update-profile over the last minute, in ms
  curl -s -m 30 -H "Authorization: Bearer $ADMIN" "$URL/actuator/prometheus" \
    | sed -n "s/^http_server_requests_seconds{.*status=\"200\",uri=\"\/api\/users\/{userId}\/update-profile\",quantile=\"$1\"} //p" \
    | awk '{ printf "%.2f", $1 * 1000 }'
}
echo "the same commands as the server timed them (http.server.requests): p50 $(server_quantile 0.5) ms, p99 $(server_quantile 0.99) ms"
echo "projection lag over the last minute (Micrometer's decaying window): p50 ${LAG_P50} ms, p99 ${LAG_P99} ms"

section "5. aggregate load time (rehydration), with and without snapshots"
phase_begin
timeout 600 bash -c "source local-dev/jdk.sh; tc_stack_main io.tradecore.localdev.bench.LoadTimeBench '$LOAD_SIZES'" | tee "$WORK/load.txt" | grep -v '^RESULT'
phase_end "the load-time measurement" load | tee -a "$WORK/load.txt" | grep -v '^RESULT'

section "6. raw ceiling: pgbench -c$CONNECTIONS -j$THREADS -T$PGBENCH_SECONDS, one-row durable INSERT per transaction"
RAW_TPS=""
if command -v pgbench >/dev/null; then
  sql "DROP SCHEMA IF EXISTS bench_raw CASCADE" "CREATE SCHEMA bench_raw" "
    CREATE TABLE bench_raw.event_store_events (
      global_position BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      transaction_id  XID8        NOT NULL DEFAULT pg_current_xact_id(),
      event_id        UUID        NOT NULL,
      stream_id       TEXT        NOT NULL,
      stream_type     TEXT        NOT NULL,
      version         BIGINT      NOT NULL,
      event_type      TEXT        NOT NULL,
      schema_version  INT         NOT NULL,
      payload         JSONB       NOT NULL,
      occurred_at     TIMESTAMPTZ NOT NULL,
      correlation_id  UUID,
      causation_id    UUID,
      user_id         TEXT,
      UNIQUE (stream_id, version))"
  # One stream per client, its version counting up (pgbench keeps a client's variables across transactions).
  cat > "$WORK/raw-insert.sql" <<'SQL'
\set version :version + 1
INSERT INTO bench_raw.event_store_events (event_id, stream_id, stream_type, version, event_type, schema_version,
                                          payload, occurred_at, correlation_id, causation_id, user_id)
VALUES (gen_random_uuid(), 'raw-' || :client_id, 'user_account', :version, 'user.profile-updated', 1,
        jsonb_build_object('userId', 'raw-' || :client_id, 'profile', jsonb_build_object('displayName', 'bench ' || :version)),
        now(), gen_random_uuid(), gen_random_uuid(), 'raw-' || :client_id);
SQL
  phase_begin
  pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$PGBENCH_SECONDS" -D version=0 -f "$WORK/raw-insert.sql" \
    2>&1 | grep -E '^(number of (clients|transactions actually)|latency|tps)' | tee "$WORK/pgbench.txt"
  phase_end "pgbench" pgbench | tee -a "$WORK/pgbench.txt" | grep -v '^RESULT'
  RAW_TPS=$(sed -n 's/^tps = \([0-9]*\).*/\1/p' "$WORK/pgbench.txt")
  sql "DROP SCHEMA bench_raw CASCADE"
else
  echo "pgbench not found (it comes with the PostgreSQL server packages); skipped"
fi

section "summary"
verdict() { awk "BEGIN { print ($1) ? \"met\" : \"MISSED\" }"; }
U=$WORK/update.txt R=$WORK/register.txt P=$WORK/paced.txt L=$WORK/load.txt
SNAP_10K=$(result load_10000_snap_p99_ms "$L")
row() { printf '%-44s %-24s %-16s %s\n' "$@"; }
row "metric" "measured" "target" "verdict"
row "update commands/s (wrk -c16, ${MEASURE} s)" "$UPDATE_RPS" ">= 1500" "$(verdict "$UPDATE_RPS >= 1500")"
row "update latency p50 / p99" "$(result p50_ms "$U") / $(result p99_ms "$U") ms" "p99 <= 50 ms" "$(verdict "$(result p99_ms "$U") <= 50")"
row "update non-2xx responses" "$(result non2xx "$U") ($(result statuses "$U"))" "0" "$(verdict "$(result non2xx "$U") == 0")"
row "registrations/s (wrk -c16, ${REGISTER} s)" "$(result rps "$R")" "-" ""
row "registration latency p50 / p99" "$(result p50_ms "$R") / $(result p99_ms "$R") ms" "-" ""
row "registration non-2xx" "$(result non2xx "$R")" "0" "$(verdict "$(result non2xx "$R") == 0")"
row "projection lag p50 / p99 @ $(result paced_rate "$P") cmd/s" "$LAG_P50 / $LAG_P99 ms" "p99 <= 100 ms" "$(verdict "$LAG_P99 <= 100")"
row "paced command latency p50 / p99" "$(result paced_p50_ms "$P") / $(result paced_p99_ms "$P") ms" "-" ""
row "paced non-2xx" "$(result paced_non2xx "$P")" "0" "$(verdict "$(result paced_non2xx "$P") == 0")"
for size in ${LOAD_SIZES//,/ }; do
  row "load ${size} events, snapshot: p50 / p99" "$(result "load_${size}_snap_p50_ms" "$L") / $(result "load_${size}_snap_p99_ms" "$L") ms" "" ""
  row "load ${size} events, no snapshot: p50 / p99" "$(result "load_${size}_full_p50_ms" "$L") / $(result "load_${size}_full_p99_ms" "$L") ms" "" ""
done
[ -n "$SNAP_10K" ] && row "load 10,000 events with snapshot, p99" "$SNAP_10K ms" "<= 2 ms" "$(verdict "$SNAP_10K <= 2")"
row "raw INSERT ceiling (pgbench -c16)" "${RAW_TPS:-skipped} tps" "-" ""
echo "reference on this machine: Axon 4.13 ~440 updates/s, p99 140 ms; raw INSERT ceiling 7,300-8,200 tps"
echo "CPU taken by other processes (cores; > 0.05 means that phase is not clean): update $(result interference_update "$U"),\
 registration $(result interference_register "$R"), paced $(result interference_paced "$P"),\
 pgbench $(result interference_pgbench "$WORK/pgbench.txt" 2>/dev/null || echo -)"
