# Sourced by the project's scripts: finds a JDK >= 21 and exports JAVA_HOME and PATH, and checks
# that Maven is there (unless MAVEN_OPTIONAL=1; then call need_maven before building).
# Looks at $JAVA_HOME, the `java` on PATH, then /usr/lib/jvm/*; fails with a clear message.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}
find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do [ -d "$d" ] && candidates+=("$d"); done
  local best="" best_major=0 d m
  for d in "${candidates[@]}"; do
    [ -x "$d/bin/javac" ] || continue
    m=$(java_major "$d")
    [ -n "$m" ] || continue
    if [ "$m" -ge 21 ] && [ "$m" -gt "$best_major" ]; then best="$d"; best_major=$m; fi
  done
  if [ -z "$best" ]; then
    echo "error: no JDK 21 or newer found (looked at JAVA_HOME, the javac on PATH and /usr/lib/jvm)." >&2
    echo "Install one (for example Debian's openjdk-21-jdk or Temurin 21+) or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}
need_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "error: Apache Maven (mvn) is not installed; on Debian: apt-get install maven" >&2
    return 1
  fi
}
find_jdk || exit 1
# ./local-offer sets MAVEN_OPTIONAL=1: it needs Maven only when the program has to be built.
if [ -z "${MAVEN_OPTIONAL:-}" ]; then need_maven || exit 1; fi
