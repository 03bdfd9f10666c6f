#!/usr/bin/env bash
# Checks services/entitlements CSV or ORUK JSON files and says what an import would change. Changes nothing.
# Usage: import-scripts/check-offer.sh FILE... [--source NAME]     (DATA_DIR=... to use another store)
source "$(dirname "$0")/lib.sh"
cli import --dry-run "$@"
