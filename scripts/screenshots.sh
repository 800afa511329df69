#!/usr/bin/env bash
# Regenerate docs/screenshots/*.png (each page kind at 1280 px light and 390 px dark) from the
# sample project, in Debian chromium via playwright (bash scripts/setup.sh --test installs both).
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python bench/reader_site.py screenshots
