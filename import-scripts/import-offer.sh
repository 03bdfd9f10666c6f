#!/usr/bin/env bash
# Imports services/entitlements CSV files (each file is a source of its own unless --source NAME).
# Usage: import-scripts/import-offer.sh FILE... [--source NAME]
source "$(dirname "$0")/lib.sh"
cli import "$@"
