#!/usr/bin/env bash
# Exports one authority's services and entitlements for editing or sharing.
# Usage: import-scripts/export-offer.sh GSS [csv|oruk] [OUT_DIR]
source "$(dirname "$0")/lib.sh"
cli export --authority "${1:?give the authority GSS code, e.g. E08000012}" --format "${2:-csv}" --out "${3:-.}"
