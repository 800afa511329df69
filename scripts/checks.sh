#!/usr/bin/env bash
# checks: the README's "Quick start", command by command, as a new user runs it.
#
# A fresh `git clone` of this repository in a temporary folder, a clean environment (an empty HOME,
# no virtualenv, no PYTHONPATH; only PATH, the locale and the machine's pip settings are kept, and pip's
# cache is shared so packages are not downloaded again), then every command of the README's quick-start
# block in order, in one shell (so `cd` and `. .venv/bin/activate` carry over). The README is the
# script: a command added there is checked here. Fails on the first command that fails.
#
# Stand-ins a script needs and a person does not: ~/Downloads holds two saved pages from tests/data,
# and `briefgen serve` (which runs until Ctrl-C) is started, asked for its home page, then stopped
# with Ctrl-C and must exit 0.
#   bash scripts/checks.sh            # run by .ci/run after the test suite
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/briefgen-checks.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# The quick-start block: the first ```sh block after "## Quick start", comments dropped.
COMMANDS="$WORK/commands.txt"
awk '/^## Quick start/ {in_section=1; next}
     in_section && /^## / {exit}
     in_section && /^```sh/ {in_block=1; next}
     in_block && /^```/ {exit}
     in_block {print}' "$ROOT/README.md" | sed -E 's/[[:space:]]+#[[:space:]].*$//; /^[[:space:]]*$/d' >"$COMMANDS"
count=$(wc -l <"$COMMANDS")
if [ "$count" -lt 3 ]; then
  echo "checks: no quick-start commands found in README.md" >&2
  exit 1
fi

if ! git clone -q "$ROOT" "$WORK/briefgen" 2>"$WORK/clone.log"; then
  # (a shallow CI clone some git versions refuse to clone again): the committed tree, as a clone has it
  cat "$WORK/clone.log" >&2
  mkdir -p "$WORK/briefgen" && git -C "$ROOT" archive HEAD | tar -x -C "$WORK/briefgen"
fi
mkdir -p "$WORK/home/Downloads"
SAMPLES="$ROOT/tests/data/samples/pages"
for case in en-theintercept-2024-02-28 fr-euronewsfr-2024-04-30; do
  cp "$SAMPLES/$case/source.html" "$WORK/home/Downloads/$case.html"
done

# The script the clean shell runs: each README line, announced, then run; the first failure stops it.
SCRIPT="$WORK/quickstart.sh"
{
  echo 'set -eo pipefail'
  echo "cd \"$WORK/briefgen\""
  cat <<'EOF'
serve_check() {   # `briefgen serve …`: start it, fetch its home page, Ctrl-C, expect exit 0
  local log; log=$(mktemp)
  # job control on: a background command of a script would otherwise ignore Ctrl-C (SIGINT)
  set -m
  "$@" --port 0 >"$log" 2>&1 &
  local pid=$! url="" i
  set +m
  for i in $(seq 1 600); do
    url=$(sed -n 's/^serving \(http[^ ]*\).*/\1/p' "$log" | head -1)
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$url" ]; then cat "$log" >&2; kill -INT "$pid" 2>/dev/null; return 1; fi
  local body
  body=$(python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=30).read().decode())' \
         "$url") || { cat "$log" >&2; kill -INT "$pid"; return 1; }
  case "$body" in *"<html"*) ;; *) echo "no HTML page at $url" >&2; kill -INT "$pid"; return 1;; esac
  echo "  (served $url, then Ctrl-C)"
  kill -INT "$pid"
  local status=0
  wait "$pid" || status=$?
  [ "$status" -eq 0 ] || { cat "$log" >&2; echo "briefgen serve exited $status on Ctrl-C" >&2; return 1; }
}
EOF
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    printf 'printf "checks [%d/%d]: %%s\\n" %q >&2\n' "$n" "$count" "$line"
    case "$line" in
      "briefgen serve"*) echo "serve_check $line" ;;
      *) echo "$line" ;;
    esac
  done <"$COMMANDS"
} >"$SCRIPT"

# A clean environment: what a new user's login shell has, plus this machine's pip and pyenv settings.
clean_env=(HOME="$WORK/home" PATH="$PATH" LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=dumb
           PIP_CACHE_DIR="${PIP_CACHE_DIR:-${HOME:-/root}/.cache/pip}" PIP_DISABLE_PIP_VERSION_CHECK=1)
for var in PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_FIND_LINKS PIP_CERT PIP_DEFAULT_TIMEOUT PIP_TRUSTED_HOST \
           PYENV_ROOT PYENV_VERSION http_proxy https_proxy HTTP_PROXY HTTPS_PROXY no_proxy NO_PROXY TMPDIR; do
  if [ -n "${!var:-}" ]; then clean_env+=("$var=${!var}"); fi
done
if [ -z "${PYENV_ROOT:-}" ] && [ -d "${HOME:-/root}/.pyenv" ]; then clean_env+=(PYENV_ROOT="${HOME:-/root}/.pyenv"); fi

started=$(date +%s)
if env -i "${clean_env[@]}" bash "$SCRIPT" </dev/null; then
  echo "checks: all $count README quick-start commands succeeded in a fresh clone ($(( $(date +%s) - started )) s)"
else
  echo "checks: FAILED: a README quick-start command failed (above)" >&2
  exit 1
fi
