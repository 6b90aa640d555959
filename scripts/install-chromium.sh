#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests and the README screenshots; does nothing when it is already there.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium: already installed ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

# Refresh the package lists only when apt does not know the package yet (a fresh image has empty lists).
if ! apt-cache policy chromium 2>/dev/null | grep -q 'Candidate: [0-9]'; then
  $SUDO apt-get update
fi
$SUDO apt-get install -y --no-install-recommends chromium

/usr/bin/chromium --version
