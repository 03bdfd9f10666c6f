# Shared by the import scripts: runs the program through ./local-offer, which finds a JDK 21 or
# newer and builds the program when it is missing. DATA_DIR=... to use another store.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="${DATA_DIR:-$REPO/var}"
cli() { "$REPO/local-offer" "$@" --data-dir "$DATA_DIR"; }
