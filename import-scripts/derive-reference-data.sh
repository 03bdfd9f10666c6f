#!/usr/bin/env bash
# For maintainers: regenerates the reference data the product ships in data/ (boundaries, the
# packed postcode table, district councils, the fact tables, the May 2022 review table, the ORUK
# schemas) and the boundary postcode sample the tests use, from the raw inputs in the reference
# data folder. Nothing else ever reads that folder. See data/SOURCES.md for what each file is.
# Usage: import-scripts/derive-reference-data.sh [SHARED_DIR]      (default: ../shared beside the repository)
# Takes about a minute and 3 GB of memory; check `git diff --stat` afterwards.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${1:-$REPO/../shared}"
[ -d "$SHARED/geo" ] || { echo "error: no reference data folder at $SHARED (expected geo/, domain/ and oruk/ in it)" >&2; exit 1; }
source "$REPO/scripts/java-env.sh"
(cd "$REPO" && mvn -q -B -DskipTests -pl search-server -am package)
java -Xmx3g -cp "$REPO/search-server/target/search-server.jar" uk.localoffer.reference.DeriveReferenceData "$SHARED" "$REPO"
git -C "$REPO" status --short -- data directory-core/src/test/resources
