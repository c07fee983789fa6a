#!/usr/bin/env bash
# Makes sure Debian's browsers and CJK fonts for the e2e and Firefox tests are installed:
#   /usr/bin/chromium      (Playwright, tests/e2e)
#   /usr/bin/firefox-esr   (puppeteer-core over WebDriver BiDi, tests/firefox)
#   Noto CJK fonts         (the popup and console replicas render Chinese)
# Installs `chromium firefox-esr fonts-noto-cjk` with apt-get only when something is missing;
# otherwise it does nothing. Never downloads a browser any other way (no `playwright install`).
# Works as root (no sudo needed) or through sudo when run as another user.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=("chromium (/usr/bin/chromium)")
[ -x /usr/bin/firefox-esr ] || missing+=("firefox-esr (/usr/bin/firefox-esr)")
if ! { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; } &&
  ! ls /usr/share/fonts/opentype/noto/NotoSansCJK-*.ttc >/dev/null 2>&1; then
  missing+=("fonts-noto-cjk (Noto Sans CJK)")
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "ensure-browsers: chromium, firefox-esr and Noto CJK fonts are present; nothing to do."
  exit 0
fi

echo "ensure-browsers: missing: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "ensure-browsers: not root and no sudo: install chromium firefox-esr fonts-noto-cjk by hand." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "ensure-browsers: apt-get update"
"${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 update -q
echo "ensure-browsers: apt-get install -y chromium firefox-esr fonts-noto-cjk"
"${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -q chromium firefox-esr fonts-noto-cjk

for bin in /usr/bin/chromium /usr/bin/firefox-esr; do
  if [ ! -x "$bin" ]; then
    echo "ensure-browsers: $bin is still missing after apt-get install" >&2
    exit 1
  fi
done
echo "ensure-browsers: $(/usr/bin/chromium --version 2>/dev/null || echo chromium); $(/usr/bin/firefox-esr --version 2>/dev/null || echo firefox-esr)"
