#!/usr/bin/env bash
# Read-model rebuild throughput: rebuilds the orders read model (orders, order_fills) from >= BENCH_REBUILD_EVENTS
# (1,000,000) stored order events, through the kernel's read-model maintenance (the rebuildReadModel command's
# code path: replay into shadow tables, catch up, swap), and reports events/s. Needs no running stack: RebuildBench
# boots the kernel and the modules without web server, relay, consumers or Kafka, on its own schema
# (BENCH_REBUILD_SCHEMA, default bench_rebuild, in the stack's database). Seeding: order streams decided by the
# order module's own decider and appended through the event store, then copied in SQL under fresh ids; a schema that
# already holds enough events is reused (BENCH_REBUILD_FRESH=1 drops it first).
#
#   ./mvnw -q -pl local-dev/stack -am -DskipTests package    # builds the stack jar (no install)
#   local-dev/bench/rebuild.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source local-dev/jdk.sh

SCHEMA=${BENCH_REBUILD_SCHEMA:-bench_rebuild}
EVENTS=${BENCH_REBUILD_EVENTS:-1000000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-tradecore}
WORK=local-dev/bench/.work/rebuild
mkdir -p "$WORK"
[ -f "$TC_STACK_JAR" ] || { echo "rebuild.sh: build the stack jar first (see the header)" >&2; exit 1; }
if [ "${BENCH_REBUILD_FRESH:-0}" = 1 ]; then
  psql -X -q -v ON_ERROR_STOP=1 -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null
fi
exec > >(tee "$WORK/last-run.txt") 2>&1
echo "==== machine"
echo "$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "==== rebuild of orders from $EVENTS events (schema $SCHEMA)"
SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE=${SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE:-5} \
TC_TOOL_JAVA_OPTS=${TC_TOOL_JAVA_OPTS:--Xms1g -Xmx1g} \
  tc_stack_main io.tradecore.localdev.bench.RebuildBench "--tradecore.db.schema=$SCHEMA" "--bench.events=$EVENTS"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
