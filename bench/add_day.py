#!/usr/bin/env python3
"""A day's new briefs on a built project, measured: add COUNT briefs (bench/run.py's new_briefs), build
(timed: CPU of the child from wait4), remove them, build again (untimed). Alternate it between two frozen
copies of the code, each on its own project built cold by that code (kept texts are keyed by the code):

    .venv/bin/python bench/add_day.py PROJECT CODE [--batch N] [--count 100] [--warm]

--warm: one untimed add and remove first (the first build after a cold one lays out the spare tree).
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import run


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("project", type=Path)
    p.add_argument("code", type=Path, help="a frozen copy of briefgen (PYTHONPATH)")
    p.add_argument("--batch", type=int, default=0)
    p.add_argument("--count", type=int, default=100)
    p.add_argument("--warm", action="store_true")
    args = p.parse_args()
    env = dict(os.environ, PYTHONPATH=str(args.code), BRIEFGEN_NO_PROGRESS="1")
    cmd = [sys.executable, "-P", "-m", "briefgen.cli", "-q", "-C", str(args.project), "build", "--no-ingest"]
    rounds = [((args.batch + 14) % 28, False)] if args.warm else []   # another day (new_briefs: day batch + 1)
    for batch, timed in [*rounds, (args.batch, True)]:
        made = run.new_briefs(args.project, batch, args.count)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, env=env, check=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        feed = (args.project / "site" / "feed.xml").read_text(encoding="utf-8")
        ok = made[-1][1] in feed
        for path, _ in made:
            path.unlink()
        subprocess.run(cmd, env=env, check=True)
        if timed:
            print(f"{args.code} cpu {cpu:.2f} s wall {wall:.2f} s newest in feed {ok} "
                  f"load {os.getloadavg()[0]:.1f} at {time.strftime('%H:%M:%S', time.gmtime())}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
