#!/usr/bin/env bash
# Set up, then build the sample site: content/ -> site/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/briefgen build "$@"
echo "built: $(pwd)/site/index.html" >&2
