#!/usr/bin/env bash
# Every test: type check, unit, Chromium e2e, Firefox, lint and budgets, against a fresh build.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/node ] || { echo "Run 'npm run setup' first." >&2; exit 1; }
bash scripts/ensure-browsers.sh
exec node scripts/test-all.ts
