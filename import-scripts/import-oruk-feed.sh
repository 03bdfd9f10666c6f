#!/usr/bin/env bash
# Imports saved Open Referral UK 3.0 JSON (a /services page, a list of services, or one service),
# checked against the Open Referral UK 3.0 schemas shipped in the program (data/oruk).
# Usage: import-scripts/import-oruk-feed.sh FILE.json... [--source NAME] [--dry-run]
source "$(dirname "$0")/lib.sh"
cli import "$@"
