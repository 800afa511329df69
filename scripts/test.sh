#!/usr/bin/env bash
# Set up (Python packages, Debian chromium and nginx), then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
exec .venv/bin/python -m pytest "$@"
