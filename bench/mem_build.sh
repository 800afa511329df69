#!/bin/bash
# A clean cold build of PROJECT with the process tree's resident (Rss) and proportional (Pss) memory summed
# from /proc/PID/smaps_rollup every 5 s, as used for the 100,000-brief rows of bench/README.md.
#   bash bench/mem_build.sh bench/out/100000/briefgen [python]
# PYTHONPATH picks the code measured (default: the installed briefgen). Linux only.
set -u
P=$(cd "$1" && pwd); PY=${2:-.venv/bin/python}
find "$P/content" -name '*.md' -print0 | xargs -0 cat > /dev/null     # sources read once, untimed
rm -rf "$P/site" "$P/.briefgen-cache"
echo "start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
BRIEFGEN_NO_PROGRESS=1 /usr/bin/time -f "wall %e s user %U s sys %S s maxrss %M KB" \
    "$PY" -P -m briefgen.cli -q -C "$P" build --no-ingest --clean &
TP=$!
sleep 1
MAXR=0; MAXP=0
while kill -0 $TP 2>/dev/null; do
  R=0; S=0
  for p in $( (pgrep -f "briefgen.cli -q -C $P"; for q in $(pgrep -f "briefgen.cli -q -C $P"); do pgrep -P "$q"; done) \
              | sort -u); do
    if [ -r "/proc/$p/smaps_rollup" ]; then
      r=$(awk '/^Rss:/{print $2}' "/proc/$p/smaps_rollup" 2>/dev/null); s=$(awk '/^Pss:/{print $2}' "/proc/$p/smaps_rollup" 2>/dev/null)
      R=$((R + ${r:-0})); S=$((S + ${s:-0}))
    fi
  done
  [ $R -gt $MAXR ] && MAXR=$R; [ $S -gt $MAXP ] && MAXP=$S
  sleep 5
done
wait $TP
echo "end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg) peak tree rss ${MAXR} KB pss ${MAXP} KB"
find "$P/site" -name '*.html' | wc -l
