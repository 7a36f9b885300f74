# Sourced by bench/run.sh: where the time goes during the measured update run, from outside the processes.
#   diagnose <seconds> <dir>                 samples for <seconds> (run it in the background during the load)
#   diagnostics_report <seconds> <dir> <commands/s>   then prints
#   - CPU per process group (stack JVM, Kafka broker JVM, PostgreSQL, wrk, Redis, other) from /proc, and the
#     machine's total busy share;
#   - PostgreSQL's client backends by state/wait event, sampled every 100 ms from pg_stat_activity (average sessions
#     per state: "on CPU", "IO:WALSync", "Lock:transactionid" = two appends to one stream, "idle in transaction" =
#     a transaction waiting for the application, "idle in transaction (aborted)" = a lost race before its rollback);
#   - commits, WAL records/bytes and WAL flushes (pg_stat_database, pg_stat_wal) over the same window.
# Needs PG* variables for psql; STACK_PID and KAFKA_PID name the JVMs.

# ensure_wrk: installs the load generator from the distribution's packages when the machine lacks it (a fresh machine).
ensure_wrk() {
  command -v wrk >/dev/null && return
  echo "installing wrk ..."
  local sudo
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get install -y wrk >/dev/null 2>&1 || { $sudo apt-get update >/dev/null && $sudo apt-get install -y wrk >/dev/null; }
}

# find_bench_jvms: sets STACK_PID and KAFKA_PID to the running stack's and broker's JVMs (empty when not found).
find_bench_jvms() {
  STACK_PID=$(pgrep -f 'tradecore-local-stack.*\.jar|io\.tradecore\.localdev\.LocalStack' | head -1 || true)
  KAFKA_PID=$(pgrep -f io.tradecore.kafkabroker.KafkaBrokerProcess | head -1 || true)
}

cpu_snapshot() { # "<pid> <category> <utime+stime ticks>" per process, and "ALL <total ticks> <busy ticks>"
  awk '$1 == "cpu" { print "ALL", $2+$3+$4+$5+$6+$7+$8+$9, $2+$3+$4+$7+$8+$9 }' /proc/stat
  # Processes end while cat reads (cat then fails, which must not end the caller's `set -e` script);
  # comm is in parentheses and may hold spaces.
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v stack="${STACK_PID:-}" -v kafka="${KAFKA_PID:-}" '{
    left = index($0, "("); right = index($0, ") ")
    comm = substr($0, left + 1, right - left - 1)
    split(substr($0, right + 2), f, " ")       # f[1] is field 3 (state): utime is f[12], stime f[13]
    category = $1 == stack ? "stack-jvm" : $1 == kafka ? "kafka-broker-jvm" : comm == "postgres" ? "postgresql" \
             : comm ~ /^wrk/ ? "wrk" : comm ~ /^redis/ ? "redis" : comm == "java" && bench_tool($1) ? "bench-tool-jvm" \
             : "other"
    print $1, category, f[12] + f[13] }
    function bench_tool(pid,  line, found) { # this benchmark'"'"'s own Java tools (the paced load generator)
      found = 0
      while ((getline line < ("/proc/" pid "/cmdline")) > 0) if (line ~ /io\.tradecore\.localdev\.bench/) found = 1
      close("/proc/" pid "/cmdline")
      return found
    }'
}

# thread_cpu_snapshot: "<tid> <thread kind> <utime+stime ticks>" per thread of the stack JVM (STACK_PID), the kind read
# from the thread's name (Linux keeps its first 15 characters): gateway (Tomcat's request threads), consumers (the
# functions' Kafka listener threads), relay (the outbox relay and its producer), jit, gc, redis-client, other.
thread_cpu_snapshot() {
  [ -n "${STACK_PID:-}" ] || return 0
  for task in /proc/"$STACK_PID"/task/[0-9]*; do
    printf '%s\t%s\t' "${task##*/}" "$(cat "$task/comm" 2>/dev/null)"
    awk '{ right = index($0, ") "); split(substr($0, right + 2), f, " "); print f[12] + f[13] }' "$task/stat" 2>/dev/null || echo 0
  done | awk -F'\t' '{
    kind = $2 ~ /^http-nio-[0-9]+-e/ ? "gateway" : $2 ~ /^KafkaConsumerDe/ ? "consumers" \
         : $2 ~ /^(outbox-relay|kafka-producer)/ ? "relay" : $2 ~ /CompilerThre/ ? "jit" \
         : $2 ~ /^(GC Thread|G1 |VM Thread)/ ? "gc" : $2 ~ /^lettuce/ ? "redis-client" : "other"
    print $1, kind, $3 }'
}

# cost_per_order <before> <after> <thread before> <thread after> <orders>: CPU milliseconds per order by process group
# and, inside the stack JVM, by thread kind; and the orders/s the machine's cores would allow at that cost.
cost_per_order() {
  { sed 's/^/P /' "$1"; echo "--"; sed 's/^/P /' "$2"; echo "--"; sed 's/^/T /' "$3"; echo "--"; sed 's/^/T /' "$4"; } |
  awk -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" -v orders="$5" '
    $0 == "--" { part++; next }
    $2 == "ALL" { next }
    part == 0 { p0[$2] = $4; next }
    part == 1 { pu[$3] += $4 - ($2 in p0 ? p0[$2] : 0); next }
    part == 2 { t0[$2] = $4; next }
    part == 3 { tu[$3] += $4 - ($2 in t0 ? t0[$2] : 0); next }
    END {
      for (c in pu) if (c != "other") total += pu[c]
      ms = 1000 / hz / orders
      printf "  CPU per order placed (%d orders, through their whole pipeline; other processes left out): %.2f ms\n", orders, total * ms
      for (c in pu) if (pu[c] > 0 && c != "other") printf "    %-17s %6.2f ms\n", c, pu[c] * ms | "sort -k2 -rn"
      close("sort -k2 -rn")
      printf "    of the stack JVM:\n"
      for (k in tu) if (tu[k] > 0) printf "      %-15s %6.2f ms\n", k, tu[k] * ms | "sort -k2 -rn"
      close("sort -k2 -rn")
      printf "  at that cost %d cores allow at most %.0f orders/s\n", cores, cores * 1000 / (total * ms)
      printf "RESULT cpu_ms_per_order=%.2f\n", total * ms
    }'
}

# other_cpu <before> <after>: cores used by processes outside the benchmark (builds, tests, ...) between two snapshots
other_cpu() {
  awk -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" '
    FNR == NR { if ($1 == "ALL") total0 = $2; else before[$1] = $3; next }
    $1 == "ALL" { total = $2 - total0; next }
    $2 == "other" { used += $3 - ($1 in before ? before[$1] : 0) }
    END { printf "%.2f", used / (total / cores) }' "$1" "$2"
}

# phase_begin / phase_end <label>: warns when something else on the machine took CPU during a measured phase
phase_begin() { cpu_snapshot > "$WORK/phase.before"; }
phase_end() {
  cpu_snapshot > "$WORK/phase.after"
  local other; other=$(other_cpu "$WORK/phase.before" "$WORK/phase.after")
  echo "other processes on this machine during $1: $other cores$(awk "BEGIN { if ($other > 0.05) print \"  <-- INTERFERENCE: the numbers of this phase are not clean\" }")"
  echo "RESULT interference_$2=$other"
}

cpu_report() { # $1 = before, $2 = after
  awk -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" '
    FNR == NR { if ($1 == "ALL") { total0 = $2; busy0 = $3 } else before[$1] = $3; next }
    $1 == "ALL" { total = $2 - total0; busy = $3 - busy0; next }
    { used[$2] += $3 - ($1 in before ? before[$1] : 0) }
    END {
      seconds = total / hz / cores
      printf "  CPU in cores (%d = the whole machine) over %.0f s; machine busy %.0f%%:\n", cores, seconds, 100 * busy / total
      fflush()
      for (c in used) if (used[c] > 0)
        printf "    %-17s %5.2f cores  %3.0f%% of the busy time\n", c, used[c] / hz / seconds, 100 * used[c] / busy | "sort -k2 -rn"
      close("sort -k2 -rn")
    }' "$1" "$2"
}

pg_counters() { # one line: commits rollbacks inserted updated wal_records wal_bytes wal_writes wal_syncs
  psql -X -q -At -F ' ' -c "
    SELECT d.xact_commit, d.xact_rollback, d.tup_inserted, d.tup_updated, w.wal_records, w.wal_bytes, w.wal_write, w.wal_sync
      FROM pg_stat_database d, pg_stat_wal w WHERE d.datname = current_database()"
}

pg_waits() { # $1 = seconds; samples pg_stat_activity every 100 ms
  # Each sample is its own short read-only transaction (psql's \watch): one long transaction holding a
  # transaction id would stall the outbox relay, whose read barrier is the oldest running transaction.
  { printf '%s\n\\watch 0.1\n' "SELECT 'sample' UNION ALL
      SELECT CASE WHEN state = 'active' THEN coalesce(wait_event_type || ':' || wait_event, 'on CPU') ELSE state END
        FROM pg_stat_activity
       WHERE backend_type = 'client backend' AND datname = current_database()
         AND state <> 'idle' AND pid <> pg_backend_pid()" | timeout "$1" psql -X -q -At 2>/dev/null || true; } |
  awk -v OFS='\t' '$0 == "sample" { samples++; next } { count[$0]++; all++ }
       END { for (what in count) print count[what], what, count[what] / samples, 100 * count[what] / all }' |
  sort -t$'\t' -k1,1 -rn |
  awk -F'\t' 'BEGIN { printf "%-36s %12s %6s\n", "backend state / wait event", "avg sessions", "%" }
               { printf "%-36s %12.2f %6.1f\n", $2, $3, $4 }'
}

diagnose() { # $1 = seconds, $2 = dir: samples while a load runs, for diagnostics_report
  cpu_snapshot > "$2/cpu.before"
  pg_counters > "$2/pg.before"
  pg_waits "$1" > "$2/waits.txt"
  pg_counters > "$2/pg.after"
  cpu_snapshot > "$2/cpu.after"
}

diagnostics_report() { # $1 = seconds, $2 = dir, $3 = commands/s of the run, for per-command figures
  echo "  diagnostics over ${1} s inside the measured run:"
  cpu_report "$2/cpu.before" "$2/cpu.after"
  echo "  PostgreSQL client backends, sampled every 100 ms (avg sessions = average number in that state):"
  sed 's/^/    /' "$2/waits.txt"
  paste -d' ' "$2/pg.before" "$2/pg.after" | awk -v s="$1" -v rps="$3" '{
    commits = ($9 - $1) / s; syncs = ($16 - $8) / s
    printf "  PostgreSQL: %.0f commits/s (%.2f per command), %.0f rollbacks/s, %.0f rows inserted/s (%.2f per command), %.0f rows updated/s (%.2f per command)\n", commits, commits / rps, ($10 - $2) / s, ($11 - $3) / s, ($11 - $3) / s / rps, ($12 - $4) / s, ($12 - $4) / s / rps
    printf "    WAL: %.0f records/s, %.2f MB/s (%.0f bytes per command), %.0f flushes/s = %.1f commits per WAL flush\n", ($13 - $5) / s, ($14 - $6) / s / 1e6, ($14 - $6) / s / rps, syncs, (syncs > 0 ? commits / syncs : 0) }'
}
