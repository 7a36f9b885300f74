#!/usr/bin/env bash
# TradeCore trading benchmark: orders end to end, against the running local stack, started with the simulated price
# feed off so that only the benchmark moves the market:
#   local-dev/run.sh --tradecore.virtual-broker.simulated-feed.enabled=false
#   1. setup       BENCH_TRADERS (200) users, each with a paper account funded with 1e7 (the per-deposit cap); one tick per symbol
#   2. throughput  wrk -t2 -c16: market buys of 1 share (random trader, random symbol), each filled at once by the
#                  virtual broker at the last price; BENCH_WARMUP_SECONDS (120) of warm-up, then BENCH_SECONDS (60)
#                  measured. Placement rate from wrk; fills and position updates per second counted in the event
#                  store over the measured window; then the time the pipeline needs to drain its backlog
#   3. lag         orders at a fixed rate, half the end-to-end rate, for BENCH_PACED_SECONDS (60): per order, the
#                  time from its order.placed commit to its position event's commit (same correlation id), and to
#                  order.filled; p50/p99 in SQL over every order of the run after its first 5 s
#   4. load time   rehydration of order and position streams from the run (TradingLoadBench)
# Environment as for bench/run.sh: TRADECORE_URL, PGHOST/PGPORT/PGUSER/PGDATABASE, TRADECORE_DB_SCHEMA,
# BENCH_ADMIN_PASSWORD, BENCH_SYMBOLS (AAPL,MSFT,NVDA,AMZN,GOOGL,META,TSLA,SPY,QQQ).
set -euo pipefail
cd "$(dirname "$0")/../.."
source local-dev/jdk.sh
source local-dev/bench/diagnostics.sh

URL=${TRADECORE_URL:-http://127.0.0.1:8080}
TRADERS=${BENCH_TRADERS:-200}
WARMUP=${BENCH_WARMUP_SECONDS:-120}
MEASURE=${BENCH_SECONDS:-60}
PACED=${BENCH_PACED_SECONDS:-60}
DRAIN_TIMEOUT=${BENCH_DRAIN_TIMEOUT:-300}
SYMBOLS=${BENCH_SYMBOLS:-AAPL,MSFT,NVDA,AMZN,GOOGL,META,TSLA,SPY,QQQ}
ADMIN_PASSWORD=${BENCH_ADMIN_PASSWORD:-admin-password-local-only}
SCHEMA=${TRADECORE_DB_SCHEMA:-public}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-tradecore}
# The load-time phase (TradingLoadBench) reads the same database as psql does.
export SPRING_DATASOURCE_URL=${SPRING_DATASOURCE_URL:-jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE}
WORK=local-dev/bench/.work/trading
RUN=$(date +%s)

section() { printf '\n==== %s\n' "$*"; }
sql() {
  local query args=()
  for query in "$@"; do args+=(-c "$query"); done
  PGOPTIONS="-c client_min_messages=warning -c search_path=$SCHEMA" psql -X -q -At -v ON_ERROR_STOP=1 "${args[@]}"
}
result() { grep '^RESULT ' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p" | tail -1; }
calc() { awk "BEGIN { printf \"%s\", $* }"; }
# The newest event's position (read from the primary key): the window queries below start there, not at the first
# event of the store, whose every row they would otherwise read (0.5 s of PostgreSQL each, inside the measured cost).
position_now() { sql "SELECT coalesce(max(global_position), 0) FROM event_store_events"; }
# Events of a type (SQL LIKE pattern) committed between two timestamps (of the events after position $4).
events_between() { sql "SELECT count(*) FROM event_store_events WHERE global_position > ${4:-0} AND event_type LIKE '$1' AND occurred_at >= '$2' AND occurred_at < '$3'"; }
# Orders placed since $1 (of the events after position $2) whose position event is not in the store yet.
unpositioned() {
  sql "SELECT count(*) FROM event_store_events p WHERE p.global_position > ${2:-0} AND p.event_type = 'order.placed' AND p.occurred_at >= '$1'
         AND NOT EXISTS (SELECT 1 FROM event_store_events x WHERE x.global_position > ${2:-0} AND x.correlation_id = p.correlation_id AND x.stream_type = 'position')"
}

ensure_wrk
for tool in wrk curl jq psql; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (see bench/run.sh)" >&2; exit 1; }
done
curl -sf "$URL/actuator/health" >/dev/null || { echo "bench: no stack at $URL; start it with local-dev/run.sh" >&2; exit 1; }
mkdir -p "$WORK"
exec > >(tee "$WORK/last-run.txt") 2>&1

section "machine"
find_bench_jvms # the JVMs the diagnostics count as the benchmark's own (everything else is interference)
echo "$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM"

section "1. setup: $TRADERS traders with funded paper accounts; one tick per symbol"
curl -s -m 60 -o /dev/null -X POST "$URL/api/users/create" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"email\":\"admin@tradecore.local\",\"password\":\"$ADMIN_PASSWORD\"}"
ADMIN=$(curl -s -m 60 -X POST "$URL/api/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | jq -r '.access_token // empty')
[ -n "$ADMIN" ] || { echo "bench: user admin exists with another password; set BENCH_ADMIN_PASSWORD" >&2; exit 1; }
for symbol in ${SYMBOLS//,/ }; do
  status=$(curl -s -m 30 -o /dev/null -w '%{http_code}' -X POST "$URL/api/market/ticks" -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $ADMIN" -d "{\"symbol\":\"$symbol\",\"price\":100}")
  [[ "$status" == 2* ]] || { echo "bench: tick for $symbol answered $status" >&2; exit 1; }
done
timeout 900 bash -c "source local-dev/jdk.sh; tc_stack_main io.tradecore.localdev.bench.BenchUsers '$URL' '$TRADERS' 8 '$WORK' 'o$RUN'"
timeout 600 bash -c "source local-dev/jdk.sh; tc_stack_main io.tradecore.localdev.bench.BenchTraders '$URL' '$WORK/users.tsv' 10000000 '$WORK'"

section "2. orders placed and filled: wrk -t2 -c16, warm-up ${WARMUP} s, then ${MEASURE} s measured"
wrk -t2 -c16 -d"${WARMUP}s" -s local-dev/bench/wrk.lua "$URL" -- order "$WORK/traders.lua" "$SYMBOLS" > "$WORK/warmup.txt"
echo "warm-up: $(result rps "$WORK/warmup.txt") orders/s placed, p99 $(result p99_ms "$WORK/warmup.txt") ms, non-2xx $(result non2xx "$WORK/warmup.txt")"
# Let the warm-up's backlog drain first, so the window measures this run's own work.
drain_start=$SECONDS
while [ "$(unpositioned "$(sql "SELECT now() - interval '1 hour'")")" != 0 ] && [ $(( SECONDS - drain_start )) -lt "$DRAIN_TIMEOUT" ]; do sleep 1; done
echo "warm-up backlog drained in $(( SECONDS - drain_start )) s"
FLOOR=$(position_now)
FROM=$(sql "SELECT now()")
phase_begin
cp "$WORK/phase.before" "$WORK/cost.before"; thread_cpu_snapshot > "$WORK/threads.before"
wrk -t2 -c16 -d"${MEASURE}s" --latency -s local-dev/bench/wrk.lua "$URL" -- order "$WORK/traders.lua" "$SYMBOLS" | tee "$WORK/orders.txt"
phase_end "the measured order run" orders | tee -a "$WORK/orders.txt" | grep -v '^RESULT'
TO=$(sql "SELECT now()")
PLACED=$(events_between 'order.placed' "$FROM" "$TO" "$FLOOR")
BROKER_FILLS=$(events_between 'virtual-broker.order-filled' "$FROM" "$TO" "$FLOOR")
ORDER_FILLS=$(events_between 'order.filled' "$FROM" "$TO" "$FLOOR")
POSITIONS=$(events_between 'position.%' "$FROM" "$TO" "$FLOOR")
SECONDS_MEASURED=$(sql "SELECT extract(epoch FROM timestamptz '$TO' - timestamptz '$FROM')")
BACKLOG=$(unpositioned "$FROM" "$FLOOR")
drain_start=$SECONDS
while [ "$(unpositioned "$FROM" "$FLOOR")" != 0 ] && [ $(( SECONDS - drain_start )) -lt "$DRAIN_TIMEOUT" ]; do sleep 1; done
DRAINED=$(( SECONDS - drain_start ))
# The window's orders through their whole pipeline (the drain included): what each one cost, and where.
cpu_snapshot > "$WORK/cost.after"; thread_cpu_snapshot > "$WORK/threads.after"
PLACED_RATE=$(calc "$PLACED / $SECONDS_MEASURED")
POSITION_RATE=$(calc "$POSITIONS / $SECONDS_MEASURED")
echo "in the ${SECONDS_MEASURED} s window: $PLACED orders placed ($(calc "int($PLACED_RATE)")/s), $BROKER_FILLS broker fills, $ORDER_FILLS orders filled, $POSITIONS position updates ($(calc "int($POSITION_RATE)")/s)"
echo "at the end of the window $BACKLOG placed orders had no position update yet; all had one $DRAINED s later (remaining: $(unpositioned "$FROM" "$FLOOR"))"
END_TO_END=$(calc "int(($PLACED) / ($SECONDS_MEASURED + $DRAINED))")
echo "end to end (placed through position update, backlog included): $END_TO_END orders/s"
cost_per_order "$WORK/cost.before" "$WORK/cost.after" "$WORK/threads.before" "$WORK/threads.after" "$PLACED" | tee "$WORK/cost.txt" | grep -v '^RESULT'

section "3. order-to-position lag at half the end-to-end rate, ${PACED} s"
PACED_RATE=$(calc "int($END_TO_END / 2)")
PACED_FLOOR=$(position_now)
PACED_FROM=$(sql "SELECT now() + interval '5 seconds'")
timeout $(( PACED + 120 )) bash -c "source local-dev/jdk.sh; TC_TOOL_JAVA_OPTS=-Dbench.orders='$SYMBOLS' tc_stack_main io.tradecore.localdev.bench.PacedLoad '$URL' '$WORK/traders.tsv' '$PACED_RATE' '$PACED'" | tee "$WORK/paced.txt"
PACED_TO=$(sql "SELECT now()")
drain_start=$SECONDS
while [ "$(unpositioned "$PACED_FROM" "$PACED_FLOOR")" != 0 ] && [ $(( SECONDS - drain_start )) -lt 60 ]; do sleep 1; done
sql "WITH placed AS (
       SELECT correlation_id, occurred_at FROM event_store_events
        WHERE event_type = 'order.placed' AND occurred_at >= '$PACED_FROM' AND occurred_at < '$PACED_TO'),
     followers AS (
       SELECT x.correlation_id,
              min(x.occurred_at) FILTER (WHERE x.stream_type = 'position') AS positioned,
              min(x.occurred_at) FILTER (WHERE x.event_type = 'order.filled') AS filled
         FROM event_store_events x JOIN placed p USING (correlation_id)
        WHERE x.occurred_at >= '$PACED_FROM'
        GROUP BY x.correlation_id),
     lags AS (
       SELECT extract(epoch FROM f.positioned - p.occurred_at) * 1000 AS to_position,
              extract(epoch FROM f.filled - p.occurred_at) * 1000 AS to_filled
         FROM placed p LEFT JOIN followers f USING (correlation_id))
     SELECT 'RESULT lag_orders=' || count(*) || ' lag_missing=' || count(*) FILTER (WHERE to_position IS NULL)
         || ' position_p50_ms=' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY to_position)::numeric, 1)
         || ' position_p99_ms=' || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY to_position)::numeric, 1)
         || ' position_max_ms=' || round(max(to_position)::numeric, 1)
         || ' filled_p50_ms=' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY to_filled)::numeric, 1)
         || ' filled_p99_ms=' || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY to_filled)::numeric, 1)
       FROM lags" | tee "$WORK/lag.txt"
curl -s -m 30 -H "Authorization: Bearer $ADMIN" "$URL/actuator/prometheus" | grep '^tradecore_projection_lag_seconds' \
  | grep -E 'projection="(positions|orders|accounts)"' | grep quantile || true

section "4. order and position stream load time"
timeout 600 bash -c "source local-dev/jdk.sh; tc_stack_main io.tradecore.localdev.bench.TradingLoadBench" | tee "$WORK/load.txt" | grep -v '^RESULT' || echo "(load-time measurement failed)"

section "summary"
O=$WORK/orders.txt L=$WORK/lag.txt
printf '%-52s %-26s %s\n' "metric" "measured" "target"
printf '%-52s %-26s %s\n' "orders placed/s (wrk -c16, ${MEASURE} s)" "$(result rps "$O") (p99 $(result p99_ms "$O") ms)" ""
printf '%-52s %-26s %s\n' "orders placed/s in the store / position updates/s" "$(calc "int($PLACED_RATE)") / $(calc "int($POSITION_RATE)")" ""
printf '%-52s %-26s %s\n' "orders/s end to end (placed -> position, drained)" "$END_TO_END" ">= 1000"
printf '%-52s %-26s %s\n' "CPU per order (all processes of the benchmark)" "$(result cpu_ms_per_order "$WORK/cost.txt") ms" "<= $(nproc) ms for 1000/s"
printf '%-52s %-26s %s\n' "order-to-position lag p50 / p99 at ${PACED_RATE}/s" "$(result position_p50_ms "$L") / $(result position_p99_ms "$L") ms" "p99 <= 200 ms"
printf '%-52s %-26s %s\n' "order-to-filled lag p50 / p99" "$(result filled_p50_ms "$L") / $(result filled_p99_ms "$L") ms" ""
grep '^RESULT' "$WORK/load.txt" 2>/dev/null | sed 's/^RESULT /load: /' || true
