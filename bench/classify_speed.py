"""Classify speed in CPU milliseconds per brief, on one core.

    .venv/bin/python bench/classify_speed.py                # the 49 labelled sample pages, best of 5
    .venv/bin/python bench/classify_speed.py --world        # plus the 206 pages-world pages (shared/)
    .venv/bin/python bench/classify_speed.py --runs 9

Each article is classified from its headline and reference text, as `briefgen ingest` does after cleaning
(countries, regions, themes with the fitted ranker, key points; explain off). The process is pinned to one
core and the clock is CPU time (time.process_time), so other work on a shared machine changes the figure
little; the best of the runs is reported, with the median beside it. Lexicons are compiled before timing
(a once-per-process cost, reported on its own line).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefgen.classify.labelled import corpus_dirs, load
from briefgen.classify.pipeline import classify_text


def main() -> int:
    parser = argparse.ArgumentParser(description="classify speed, CPU ms per brief on one core")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--world", action="store_true", help="add the pages-world set (shared/samples)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    dirs = corpus_dirs()
    items = load("pages", dirs["pages"])
    if args.world and dirs["pages-world"] is not None:
        items += load("pages-world", dirs["pages-world"])
    start = time.process_time()
    for lang in sorted({it.lang for it in items}):
        classify_text("x", None, "y", lang, None, explain=False)
    warm = time.process_time() - start
    per_brief = []
    for _ in range(args.runs):
        start = time.process_time()
        for it in items:
            classify_text(it.title, None, it.text, it.lang, None, explain=False)
        per_brief.append((time.process_time() - start) / len(items) * 1000)
    words = sum(len(it.text.split()) for it in items) / len(items)
    print(f"{len(items)} articles, {words:.0f} words on average; lexicons compiled in {warm:.2f} s")
    print(f"classify: {min(per_brief):.3f} ms/brief (best of {args.runs}), median {statistics.median(per_brief):.3f}, "
          f"load {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
