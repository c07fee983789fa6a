#!/usr/bin/env bash
# One command from a fresh clone to built extensions: installs the npm packages (including the
# project's own Node 24, so the system Node may be 20), Debian's browsers for the tests, and builds
# .output/chrome-mv3 and .output/firefox-mv2.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
bash scripts/ensure-browsers.sh
npm run build
npm run zip
echo
echo "Built: .output/chrome-mv3 (Chrome: chrome://extensions > Developer mode > Load unpacked)"
echo "       .output/firefox-mv2 (Firefox: about:debugging > This Firefox > Load Temporary Add-on > manifest.json)"
echo "Zips:  .output/*.zip (store uploads and the sources zip for Firefox review)"
