#!/usr/bin/env bash
# TradeCore price-alert benchmark: tick-to-alert latency, against the running local stack, started with the
# simulated price feed off so that only the benchmark moves the market:
#   local-dev/run.sh --tradecore.virtual-broker.simulated-feed.enabled=false
#   1. setup     BENCH_ALERT_SYMBOLS (50) symbols: the listed instruments plus bench instruments BNCH00.. added to
#                virtual_broker's `instruments` table (its listing has no route; a bench-only row, like a listing);
#                BENCH_ALERT_USERS (10) users; BENCH_ALERTS (1,000) every_time alerts spread over the symbols and
#                users (crossings, crossings up/down, greater/less than, percent moves around 100), created over HTTP
#   2. ticks     up to BENCH_TICK_RATE (50) ticks/s over HTTP (POST /api/market/ticks by wrk, one connection paced
#                by a delay of 1000/rate ms between answers, symbols in turn) for BENCH_SECONDS (60); each symbol's
#                price follows 100 + 2.5 sin(step / 3 + symbol), so the levels are crossed again and again
#   3. latency   per alert.triggered, the time from its tick's virtual-broker.price-ticked commit (occurred_at, set
#                at append) to its own (joined on symbol and sequence), p50/p99/max in SQL over the run after its
#                first 5 s; ticks/s and alerts/s committed in that window
# Environment as for bench/run.sh: TRADECORE_URL, PGHOST/PGPORT/PGUSER/PGDATABASE, TRADECORE_DB_SCHEMA,
# BENCH_ADMIN_PASSWORD.
set -euo pipefail
cd "$(dirname "$0")/../.."

URL=${TRADECORE_URL:-http://127.0.0.1:8080}
SYMBOL_COUNT=${BENCH_ALERT_SYMBOLS:-50}
USERS=${BENCH_ALERT_USERS:-10}
ALERTS=${BENCH_ALERTS:-1000}
RATE=${BENCH_TICK_RATE:-50}
MEASURE=${BENCH_SECONDS:-60}
ADMIN_PASSWORD=${BENCH_ADMIN_PASSWORD:-admin-password-local-only}
SCHEMA=${TRADECORE_DB_SCHEMA:-public}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-tradecore}
WORK=local-dev/bench/.work/alerts
RUN=$(date +%s)

section() { printf '\n==== %s\n' "$*"; }
sql() { PGOPTIONS="-c client_min_messages=warning -c search_path=$SCHEMA" psql -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
result() { grep '^RESULT ' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p" | tail -1; }
post() { curl -s -m 30 -X POST "$URL$1" -H 'Content-Type: application/json' "${@:3}" -d "$2"; }

source local-dev/bench/diagnostics.sh # ensure_wrk
ensure_wrk
for tool in curl jq psql awk wrk; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }
done
curl -sf "$URL/actuator/health" >/dev/null || { echo "bench: no stack at $URL; start it with local-dev/run.sh" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK/slots"
exec > >(tee "$WORK/last-run.txt") 2>&1

section "machine"
echo "$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM"
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"

section "1. setup: $SYMBOL_COUNT symbols, $USERS users, $ALERTS alerts"
post /api/users/create "{\"username\":\"admin\",\"email\":\"admin@tradecore.local\",\"password\":\"$ADMIN_PASSWORD\"}" -o /dev/null
ADMIN=$(post /api/auth/token "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | jq -r '.access_token // empty')
[ -n "$ADMIN" ] || { echo "bench: user admin exists with another password; set BENCH_ADMIN_PASSWORD" >&2; exit 1; }
sql "INSERT INTO instruments (symbol, name, reference_price)
     SELECT 'BNCH' || lpad(n::text, 2, '0'), 'Benchmark instrument ' || n, 100 FROM generate_series(0, 99) n
     ON CONFLICT (symbol) DO NOTHING"
mapfile -t SYMBOLS < <(sql "SELECT symbol FROM instruments ORDER BY symbol NOT LIKE 'BNCH%', symbol DESC LIMIT $SYMBOL_COUNT")
[ "${#SYMBOLS[@]}" -eq "$SYMBOL_COUNT" ] || { echo "bench: only ${#SYMBOLS[@]} instruments" >&2; exit 1; }
for symbol in "${SYMBOLS[@]}"; do # a last price of 100 everywhere: the percent moves' reference
  post /api/market/ticks "{\"symbol\":\"$symbol\",\"price\":100}" -H "Authorization: Bearer $ADMIN" -o /dev/null
done
TOKENS=()
for ((u = 0; u < USERS; u++)); do
  name="alerts$RUN$u"
  post /api/users/create "{\"username\":\"$name\",\"email\":\"$name@bench.local\",\"password\":\"$ADMIN_PASSWORD\"}" -o /dev/null
  TOKENS+=("$(post /api/auth/token "{\"username\":\"$name\",\"password\":\"$ADMIN_PASSWORD\"}" | jq -r .access_token)")
done
# One curl config per user: that user's share of the alerts, sent over one connection per user.
for ((i = 0; i < ALERTS; i++)); do
  symbol=${SYMBOLS[$((i % SYMBOL_COUNT))]}
  k=$((i / SYMBOL_COUNT))
  case $((k % 6)) in
    0) body="{\"symbol\":\"$symbol\",\"condition\":\"crossing\",\"threshold\":$((98 + k % 5)).5,\"frequency\":\"every_time\"}" ;;
    1) body="{\"symbol\":\"$symbol\",\"condition\":\"crossing_up\",\"threshold\":$((99 + k % 3)),\"frequency\":\"every_time\"}" ;;
    2) body="{\"symbol\":\"$symbol\",\"condition\":\"crossing_down\",\"threshold\":$((99 + k % 3)),\"frequency\":\"every_time\"}" ;;
    3) body="{\"symbol\":\"$symbol\",\"condition\":\"greater_than\",\"threshold\":101.5,\"frequency\":\"every_time\"}" ;;
    4) body="{\"symbol\":\"$symbol\",\"condition\":\"less_than\",\"threshold\":98.5,\"frequency\":\"every_time\"}" ;;
    5) body="{\"symbol\":\"$symbol\",\"condition\":\"percent_move\",\"percent\":2,\"direction\":\"either\",\"frequency\":\"every_time\"}" ;;
  esac
  u=$((i % USERS))
  [ -f "$WORK/alerts-$u.cfg" ] && echo next >> "$WORK/alerts-$u.cfg" # between requests, not after the last
  printf 'url = "%s/api/alerts/create"\nrequest = "POST"\nheader = "Content-Type: application/json"\nheader = "Authorization: Bearer %s"\ndata = %s\nwrite-out = "%%{http_code}\\n"\noutput = "/dev/null"\n' \
    "$URL" "${TOKENS[$u]}" "$(jq -Rn --arg b "$body" '$b')" >> "$WORK/alerts-$u.cfg"
done
started=$SECONDS
pids=() # waited for by pid: a bare `wait` would also wait for the tee of this script's output
for ((u = 0; u < USERS && ALERTS > 0; u++)); do curl -s -K "$WORK/alerts-$u.cfg" > "$WORK/alerts-$u.status" & pids+=($!); done
[ "${#pids[@]}" -eq 0 ] || wait "${pids[@]}"
CREATED=$(cat "$WORK"/alerts-*.status 2>/dev/null | grep -c '^200$' || true)
echo "$CREATED of $ALERTS alerts created in $((SECONDS - started)) s (answers: $(cat "$WORK"/alerts-*.status 2>/dev/null | sort | uniq -c | tr '\n' ' '))"
sleep 2 # the read model
LIVE=$(sql "SELECT count(*) FROM alerts WHERE status = 'active' AND symbol IN ($(printf "'%s'," "${SYMBOLS[@]}" | sed 's/,$//'))")
echo "active alerts on the $SYMBOL_COUNT symbols (BENCH_ALERTS=0 reuses those of an earlier run): $LIVE"

section "2. ticks: $RATE/s for $MEASURE s"
# wrk, one thread and one connection, paced by its delay() hook: a curl per tick costs the client more CPU than the
# tick costs the stack on this 2-core machine. Symbols in turn; the rate reached is what the store shows below.
cat > "$WORK/ticks.lua" <<LUA
local symbols = { $(printf '"%s",' "${SYMBOLS[@]}") }
local n, k = #symbols, 0
request = function()
  local i = k % n
  local price = string.format("%.2f", 100 + 2.5 * math.sin(math.floor(k / n) / 3 + i))
  k = k + 1
  return wrk.format("POST", "/api/market/ticks", { ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer $ADMIN" }, '{"symbol":"' .. symbols[i + 1] .. '","price":' .. price .. '}')
end
delay = function() return $((1000 / RATE)) end
LUA
FROM=$(sql "SELECT now()")
wrk -t1 -c1 -d"${MEASURE}s" --latency -s "$WORK/ticks.lua" "$URL" | tee "$WORK/ticks.txt" | grep -E 'requests in|Non-2xx|99%' || true
TO=$(sql "SELECT now()")
sleep 5 # the last ticks' alerts

section "3. tick-to-alert latency"
sql "WITH ticks AS (
       SELECT payload->>'symbol' AS symbol, (payload->>'sequence')::bigint AS sequence, occurred_at
         FROM event_store_events
        WHERE event_type = 'virtual-broker.price-ticked' AND occurred_at >= timestamptz '$FROM' + interval '5 seconds'
          AND occurred_at < '$TO'),
     fired AS (
       SELECT payload->>'symbol' AS symbol, (payload->>'sequence')::bigint AS sequence, occurred_at
         FROM event_store_events
        WHERE event_type = 'alert.triggered' AND occurred_at >= timestamptz '$FROM' + interval '5 seconds'),
     lags AS (
       SELECT extract(epoch FROM f.occurred_at - t.occurred_at) * 1000 AS ms FROM fired f JOIN ticks t USING (symbol, sequence))
     SELECT 'RESULT alerts=' || count(*)
         || ' p50_ms=' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1)
         || ' p99_ms=' || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 1)
         || ' max_ms=' || round(max(ms)::numeric, 1)
         || ' ticks=' || (SELECT count(*) FROM ticks)
         || ' window_s=' || round(extract(epoch FROM timestamptz '$TO' - timestamptz '$FROM' - interval '5 seconds')::numeric, 1)
       FROM lags" | tee "$WORK/latency.txt"
L=$WORK/latency.txt
WINDOW=$(result window_s "$L")

section "summary"
printf '%-44s %-24s %s\n' "metric" "measured" "target"
printf '%-44s %-24s %s\n' "active alerts (symbols)" "$LIVE ($SYMBOL_COUNT)" ""
printf '%-44s %-24s %s\n' "ticks/s committed (asked: $RATE/s)" "$(awk -v t="$(result ticks "$L")" -v w="$WINDOW" 'BEGIN { printf "%.1f", t / w }')" ""
printf '%-44s %-24s %s\n' "alerts fired/s" "$(awk -v a="$(result alerts "$L")" -v w="$WINDOW" 'BEGIN { printf "%.1f", a / w }')" ""
printf '%-44s %-24s %s\n' "tick-to-alert p50 / p99 / max" "$(result p50_ms "$L") / $(result p99_ms "$L") / $(result max_ms "$L") ms" "p99 <= 100 ms"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
