# Sourced by the local-dev scripts: tc_java prints a `java` of JDK 21 or newer.
# Same search as ./mvnw, so the stack runs on the JDK it was built with: JAVA_HOME if it is 21+, else the `java`
# on PATH if it is 21+, else the newest 21+ under the usual install locations.

tc_java_major() { # $1 = JDK home; prints its major version read from its `release` file (empty if unknown)
  [ -f "$1/release" ] || return 0
  local v
  v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$1/release")
  case "$v" in 1.*) v=${v#1.} ;; esac
  printf %s "${v%%[!0-9]*}"
}

tc_java() {
  local home major best="" best_major=0 onpath
  if onpath=$(command -v java 2>/dev/null); then
    onpath=$(readlink -f "$onpath")
    onpath=${onpath%/bin/java}
  fi
  for home in "${JAVA_HOME:-}" "$onpath"; do
    [ -n "$home" ] && [ -x "$home/bin/java" ] || continue
    major=$(tc_java_major "$home")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then printf '%s\n' "$home/bin/java"; return 0; fi
  done
  for home in /usr/lib/jvm/* "${HOME:-}"/.sdkman/candidates/java/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$home/bin/java" ] || continue
    major=$(tc_java_major "$home")
    if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then best=$home best_major=$major; fi
  done
  if [ "$best_major" -lt 21 ]; then
    echo "TradeCore needs a JDK 21 or newer; none found via JAVA_HOME, PATH or /usr/lib/jvm. Install one or set JAVA_HOME." >&2
    return 1
  fi
  printf '%s\n' "$best/bin/java"
}

# The stack's fat jar, as the build leaves it.
TC_STACK_JAR=local-dev/stack/target/tradecore-local-stack-0.1.0-SNAPSHOT.jar

# Runs a main class from the stack jar (TopicTail, the benchmark tools) through Spring Boot's PropertiesLauncher,
# which puts the jar's nested libraries on the class path. Usage: tc_stack_main <class> [args...]
# Its own temp dir, removed afterwards: Boot unpacks the broker launcher's jar there on every start.
tc_stack_main() {
  local main=$1 tmp status=0; shift
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/tradecore-tool.XXXXXX")
  # shellcheck disable=SC2086
  "$(tc_java)" ${TC_TOOL_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -Djava.io.tmpdir="$tmp" -Dloader.main="$main" -cp "$TC_STACK_JAR" \
    org.springframework.boot.loader.launch.PropertiesLauncher "$@" || status=$?
  rm -rf "$tmp"
  return "$status"
}
