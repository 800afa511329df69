#!/usr/bin/env bash
# Set up a development environment: Python packages in .venv, and (for the test suite)
# Debian's chromium and nginx. Safe to run again: it only installs what is missing.
#   bash scripts/setup.sh          # Python packages only
#   bash scripts/setup.sh --test   # plus test tools, chromium and nginx
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true

if [ "${1:-}" = "--test" ]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  command -v git >/dev/null 2>&1 || missing+=(git)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "installing Debian packages: ${missing[*]}" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -q >/dev/null
      apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "missing: ${missing[*]} (install them with your package manager; browser/nginx tests need them)" >&2
    fi
  fi
  # nginx-light starts a default server on port 80 after install; the tests run their own.
  if command -v service >/dev/null 2>&1; then service nginx stop >/dev/null 2>&1 || true; fi
  # axe-core for the browser tests' accessibility check (tests/browser/test_reader_browser.py):
  # a pinned version from the npm registry, into ./node_modules (not committed).
  if command -v npm >/dev/null 2>&1 && [ ! -f node_modules/axe-core/axe.min.js ]; then
    npm install --no-audit --no-fund --no-save --silent axe-core@4.10.2 >/dev/null 2>&1 \
      || echo "npm install axe-core failed: the accessibility browser test will be skipped" >&2
  fi
  extra='.[test]'
else
  extra='.'
fi
# pip's build backend is chatty even with -q: keep its output for when it fails.
log=$(mktemp)
if ! .venv/bin/python -m pip install -q -e "$extra" >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
