#!/usr/bin/env bash
# Debian's headless Chromium and its WebDriver, for the network page's browser tests (tests/test_viz_browser.py)
# and benchmarks/viz_page.py. Idempotent: when both are installed it returns at once without touching apt.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }

if have chromium && have chromedriver; then
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
have chromium && have chromedriver
