#!/usr/bin/env bash
# Installs PostgreSQL 15 and PostGIS 3 from Debian's packages (for the scale benchmark's baseline).
# Idempotent: does nothing when both are there. Needs root (or sudo).
set -euo pipefail
if [ -x /usr/lib/postgresql/15/bin/initdb ] && [ -f /usr/share/postgresql/15/extension/postgis.control ]; then
  exit 0
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q postgresql-15 postgresql-15-postgis-3
