#!/usr/bin/env bash
# The whole local stack with one command: builds TradeCore, then runs every function in one JVM behind the HTTP
# gateway (http://127.0.0.1:8080), with its own Kafka broker, on the machine's PostgreSQL and Redis.
# Ctrl-C (or SIGTERM to this script) stops the stack, and the stack then stops the broker it started.
#
#   local-dev/run.sh                      build and run
#   TRADECORE_SKIP_BUILD=1 local-dev/run.sh   run what was built last
#   MAVEN_ARGS=-o local-dev/run.sh        build offline
#   TRADECORE_JAVA_OPTS="-Xmx2g" ...      JVM options (default -Xms2g -Xmx2g)
#   TRADECORE_KAFKA_BROKER_JAVA_OPTS=...  JVM options of the broker it starts (default: 1 GB heap, G1)
# Environment for the stack itself (database, Redis, external Kafka): see local-dev/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source local-dev/jdk.sh

if [ "${TRADECORE_SKIP_BUILD:-0}" != 1 ]; then
  echo "run.sh: building (./mvnw -q -B -ntp -DskipTests install) ..."
  ./mvnw -q -B -ntp -DskipTests install
fi
java=$(tc_java)
# The broker the stack starts carries every event twice (archive and bus) and serves every consumer: full JIT and
# G1 here, where the tests' brokers start small (C1, SerialGC).
export TRADECORE_KAFKA_BROKER_JAVA_OPTS="${TRADECORE_KAFKA_BROKER_JAVA_OPTS:--Xms512m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:-UsePerfData}"

# Run a private copy of the jar: Boot reads nested classes from the jar file lazily, so a rebuild while the
# stack runs (./mvnw install in another terminal) would otherwise pull the file from under it. The JVM's temp
# dir is in there too (Boot unpacks the broker launcher's jar into it), so nothing is left behind.
run_dir=$(mktemp -d "${TMPDIR:-/tmp}/tradecore-local-stack.XXXXXX")
cp "$TC_STACK_JAR" "$run_dir/"
mkdir "$run_dir/tmp"
trap 'rm -rf "$run_dir"' EXIT

# Started in the background of a non-interactive shell, java ignores SIGINT, and so does the broker it starts:
# Ctrl-C reaches only this script, which asks the stack to stop; the stack stops the broker after its own
# consumers and relay have stopped, instead of everything dying at once.
# shellcheck disable=SC2086
# --enable-native-access: Netty loads its native transport; without it, JDK 24+ warns on every start.
"$java" ${TRADECORE_JAVA_OPTS:--Xms2g -Xmx2g} --enable-native-access=ALL-UNNAMED -Djava.io.tmpdir="$run_dir/tmp" \
  -jar "$run_dir/$(basename "$TC_STACK_JAR")" "$@" &
stack=$!
trap 'kill -TERM "$stack" 2>/dev/null || true' INT TERM
status=0
while kill -0 "$stack" 2>/dev/null; do
  wait "$stack" && status=0 || status=$?
done
# 143 = stopped by our SIGTERM, a normal end
[ "$status" = 143 ] && status=0
exit "$status"
