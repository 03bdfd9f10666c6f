#!/usr/bin/env bash
# Installs what the page tests need, when missing: Debian's chromium and chromedriver, and
# axe-core (the accessibility checker) from the npm registry into .tools/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "installing chromium and chromium-driver (Debian packages) for the page tests"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
AXE_VERSION=4.10.3
if [ ! -f .tools/node_modules/axe-core/axe.min.js ]; then
  echo "installing axe-core $AXE_VERSION into .tools/ for the accessibility checks"
  mkdir -p .tools
  npm install --silent --no-audit --no-fund --prefix .tools "axe-core@$AXE_VERSION" >/dev/null
fi
