#!/usr/bin/env bash
# Builds the custom-runtime deployment package of each function module whose Lambda jar is built
# (functions/<module>/target/tradecore-<module>-aws.jar): target/tradecore-<module>-lambda-jdk25.zip holding
#   bootstrap       the entry point (this folder's)
#   jdk/            a JDK 25 runtime linked with jlink (the build machine's architecture)
#   tradecore.jar   the Lambda jar
#   tradecore.aot   the JDK's AOT cache from a training run of that jar on that runtime, in that layout
#   spring-aot      a marker, when the module's build ran Spring AOT (process-aot)
# Terraform deploys it with lambda_jvm = "jdk25-aot" (provided.al2023). Run after ./mvnw package; needs a JDK 25
# that can link its own run-time image (JEP 493) or has jmods. No database or Redis: the training run boots the
# context and primes the handler path with a request refused before it touches data (as SnapStart priming does).
#   usage: infra-terraform/custom-runtime/package.sh [module...]     (default: every built module)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/local-dev/jdk.sh"
java_home="$(dirname "$(dirname "$(tc_java)")")"
[[ "$(tc_java_major "$java_home")" -ge 25 ]] || { echo "package.sh: needs JDK 25 or newer, found $java_home" >&2; exit 1; }

# java.desktop for java.beans (Spring's property binding), java.naming and java.sql for the JDBC pool,
# java.management for Hikari's and Spring's MBeans, jdk.unsupported for Netty and the AOT-friendly Unsafe uses.
modules=java.base,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.scripting,java.security.jgss,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.management,jdk.unsupported,jdk.zipfs
# A fixed modification time for the jar: the AOT cache records it, and the zip carries it to the task root.
fixed_mtime=200001010000.00

strip_native=()
if command -v objcopy >/dev/null; then
  strip_native=(--strip-native-debug-symbols=objcopy="$(command -v objcopy)")
fi

modules_to_build=("$@")
if [[ ${#modules_to_build[@]} -eq 0 ]]; then
  for jar in "$root"/functions/*/target/tradecore-*-aws.jar; do
    [[ -f "$jar" ]] && modules_to_build+=("$(basename "$(dirname "$(dirname "$jar")")")")
  done
fi

for module in "${modules_to_build[@]}"; do
  target="$root/functions/$module/target"
  jar="$target/tradecore-$module-aws.jar"
  [[ -f "$jar" ]] || { echo "package.sh: $jar is not built (./mvnw package first)" >&2; exit 1; }
  # The training request: the module's first HTTP function, called with a body that is not JSON (refused with a
  # 4xx before any data is read); a module without HTTP functions trains the context start alone.
  function="$(python3 - "$root/infra-terraform/function-catalog.json" "$module" <<'PY'
import json, sys
catalog, module = json.load(open(sys.argv[1])), sys.argv[2]
print(next((f["name"] for f in catalog["functions"] if f.get("module") == module and f.get("http")), ""))
PY
)"
  stage="$target/lambda-jdk25"
  rm -rf "$stage" && mkdir -p "$stage"
  echo "package.sh: $module: jlink"
  # Compressed modules and no native debug symbols: Lambda's limit is 250 MB unpacked, and the jar and the cache
  # take 170 of them (classes come from the cache, so the compression costs no start time).
  "$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --compress=zip-6 ${strip_native[@]+"${strip_native[@]}"} --output "$stage/jdk"
  cp "$here/bootstrap" "$stage/bootstrap"
  cp "$jar" "$stage/tradecore.jar"
  spring_aot=()
  if unzip -l "$jar" io/tradecore/kernel/aws/LambdaApplication__ApplicationContextInitializer.class >/dev/null 2>&1; then
    touch "$stage/spring-aot" # the module's build ran Spring AOT (process-aot): the bootstrap turns it on
    spring_aot=(-Dspring.aot.enabled=true)
  fi
  TZ=UTC touch -t "$fixed_mtime" "$stage/tradecore.jar"
  echo "package.sh: $module: training run (${function:-context start only})"
  (
    cd "$stage"
    export TRADECORE_RUNTIME=lambda LOGGING_LEVEL_ROOT=WARN SPRING_CLOUD_FUNCTION_DEFINITION="${function:-migrateSchema}"
    if [[ -n "$function" ]]; then
      route="$(python3 - "$root/infra-terraform/function-catalog.json" "$function" <<'PY'
import json, sys
f = next(f for f in json.load(open(sys.argv[1]))["functions"] if f["name"] == sys.argv[2])
print(f["http"]["method"] + " " + f["http"]["path"])
PY
)"
      printf '{"version":"2.0","routeKey":"%s","headers":{"content-type":"application/json"},"body":"{not json"}' \
        "$route" > ../training-event.json
      handler=io.tradecore.kernel.aws.HttpApiHandler
    else
      echo '{}' > ../training-event.json
      handler=io.tradecore.kernel.aws.ScheduledJobHandler
    fi
    ./jdk/bin/java -XX:AOTCacheOutput=tradecore.aot -XX:TieredStopAtLevel=1 "${spring_aot[@]}" \
      -cp tradecore.jar io.tradecore.kernel.aws.LocalInvoke "$handler" ../training-event.json \
      > ../training.log 2>&1 || { echo "package.sh: $module: training run failed, see $target/training.log" >&2; exit 1; }
  )
  rm -f "$target/tradecore-$module-lambda-jdk25.zip"
  (cd "$stage" && TZ=UTC zip -qr -X "$target/tradecore-$module-lambda-jdk25.zip" .)
  printf '{"architecture":"%s","java":"%s"}\n' \
    "$(case "$(uname -m)" in aarch64) echo arm64 ;; *) echo x86_64 ;; esac)" \
    "$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$stage/jdk/release")" > "$target/tradecore-$module-lambda-jdk25.json"
  echo "package.sh: $module: $(du -h "$target/tradecore-$module-lambda-jdk25.zip" | cut -f1) zipped, $(du -sh "$stage" | cut -f1) unpacked"
done
