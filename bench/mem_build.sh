#!/bin/bash
# A clean cold build of PROJECT with the process tree's resident (Rss) and proportional (Pss) memory summed
# from /proc/PID/smaps_rollup every 5 s, as used for the 100,000-brief rows of bench/README.md; at the
# peak (summed Pss) each process's Pss split into anonymous (its own heap, or pages a forked worker
# copied from the parent) and file-backed (code, mapped kept texts) and its private dirty memory.
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
MAXR=0; MAXP=0; PEAK=""
while kill -0 $TP 2>/dev/null; do
  R=0; S=0; LINES=""
  for p in $( (pgrep -f "briefgen.cli -q -C $P"; for q in $(pgrep -f "briefgen.cli -q -C $P"); do pgrep -P "$q"; done) \
              | sort -u); do
    if [ -r "/proc/$p/smaps_rollup" ]; then
      read -r r s sa sf pd <<< "$(awk '/^Rss:/{r=$2} /^Pss:/{s=$2} /^Pss_Anon:/{a=$2} /^Pss_File:/{f=$2}
        /^Private_Dirty:/{d=$2} END{print r+0, s+0, a+0, f+0, d+0}' "/proc/$p/smaps_rollup" 2>/dev/null)"
      R=$((R + ${r:-0})); S=$((S + ${s:-0}))
      LINES="$LINES  pid $p ppid $(awk '{print $4}' /proc/$p/stat 2>/dev/null) rss ${r:-0} pss ${s:-0} pss_anon ${sa:-0} pss_file ${sf:-0} private_dirty ${pd:-0} KB
"
    fi
  done
  [ $R -gt $MAXR ] && MAXR=$R
  if [ $S -gt $MAXP ]; then MAXP=$S; PEAK="at $(date -u +%T):
$LINES"; fi
  sleep 5
done
wait $TP
echo "end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg) peak tree rss ${MAXR} KB pss ${MAXP} KB"
echo "processes at the Pss peak $PEAK"
find "$P/site" -name '*.html' | wc -l
