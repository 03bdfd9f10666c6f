# Shared by the import scripts: finds a JDK and the built program, builds it if needed.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$REPO/scripts/java-env.sh"
JAR="$REPO/search-server/target/search-server.jar"
if [ ! -f "$JAR" ]; then (cd "$REPO" && mvn -q -B -DskipTests package); fi
DATA_DIR="${DATA_DIR:-$REPO/var}"
cli() { java -jar "$JAR" "$@" --data-dir "$DATA_DIR" --shared "$REPO/../shared"; }
cli_plain() { java -jar "$JAR" "$@" --data-dir "$DATA_DIR"; }
