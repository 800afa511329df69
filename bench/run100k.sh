#!/bin/bash
# The 100,000-brief rows of bench/README.md, by hand (a cold build there is minutes of CPU, too long
# for bench/run.py's repeated runs): a clean cold build with its memory (bench/mem_build.sh), two
# builds with nothing changed (files written counted), then a day's 1,000 new briefs (bench/run.py's
# new_briefs) and their build, each timed by /usr/bin/time (user + sys, children included).
#   PYTHONPATH=CODE bash bench/run100k.sh [PROJECT] [python]
# PROJECT: default bench/out/100000/briefgen (made by bench/run.py or bench/gen_corpus.py --count
# 100000 --seed 1); CODE: a frozen copy of the code measured (git archive REV briefgen | tar -x -C CODE).
# The 1,000 new briefs stay in PROJECT/content/briefs/bench-added (remove them to start again).
set -u
BENCH=$(cd "$(dirname "$0")" && pwd)
P=$(cd "${1:-$BENCH/out/100000/briefgen}" && pwd); PY=${2:-$BENCH/../.venv/bin/python}
MARK=$(mktemp)
echo "code ${PYTHONPATH:-installed} project $P"
rm -rf "$P/content/briefs/bench-added"
bash "$BENCH/mem_build.sh" "$P" "$PY"
for i in 1 2; do
  touch "$MARK"; sleep 1
  echo "nochange $i start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  BRIEFGEN_NO_PROGRESS=1 /usr/bin/time -f "wall %e s user %U s sys %S s maxrss %M KB" \
      "$PY" -P -m briefgen.cli -q -C "$P" build --no-ingest
  echo "files newer than the build's start: $(find "$P/site" -newer "$MARK" -type f | wc -l)"
done
"$PY" -c "
import sys; sys.path.insert(0, '$BENCH'); import run
from pathlib import Path
made = run.new_briefs(Path('$P'), 0, 1000); print('made', len(made), 'briefs, the last', made[-1][1])"
echo "add1000 start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
BRIEFGEN_NO_PROGRESS=1 /usr/bin/time -f "wall %e s user %U s sys %S s maxrss %M KB" \
    "$PY" -P -m briefgen.cli -q -C "$P" build --no-ingest
echo "new pages: $(find "$P/site/2026/02" -path '*bench-new-*' -name index.html | wc -l);" \
     "feed has the newest: $(grep -c 'bench new 0-999' "$P/site/feed.xml")"
echo "end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$MARK"
