#!/usr/bin/env python3
"""Where the ingest time goes: cProfile of `make_briefs` on copies of the sample pages (as bench/workers.py).

    python bench/profile_ingest.py dump 300             # top functions by own time and by cumulative time
    python bench/profile_ingest.py html 100 --sort cumulative --top 60
    python bench/profile_ingest.py dump 300 --steps     # CPU ms a dump of each step, no profiler (best of 3)
    python bench/profile_ingest.py dump 1000 --sample   # sampling: the briefgen lines the CPU was in

The profiler adds a fixed cost per Python call, so calls of small functions look dearer than they are:
read its shares as a guide and measure a change with bench/workers.py, alternated with the code before.
`--sample` interrupts the run every millisecond of CPU time
(SIGPROF) and counts the innermost briefgen line of the stack (and its function), so small functions cost
no more than they do: the fine-grained view. `--steps` times the dump path's steps themselves (CPU clock, one core, every step on the same dumps, the
best of three rounds) without a profiler.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from workers import make_inputs, pin_one_core


def profile(kind: str, count: int, sort: str, top: int) -> None:
    from briefgen.config import load_config
    from briefgen.pipeline import make_briefs

    work = Path(tempfile.mkdtemp(prefix="profile-ingest-"))
    paths = make_inputs(kind, count, work / "content" / "raw")
    config = load_config(work)
    config = replace(config, ingest=replace(config.ingest, merge_copies=False))
    pin_one_core()
    make_briefs(paths[:60], config, out=work / "warm")   # every page once: data files and libraries load
                                                        # once, not a per-page cost
    prof = cProfile.Profile(time.process_time)
    prof.enable()
    make_briefs(paths, config, out=work / "content" / "briefs")
    prof.disable()
    stats = pstats.Stats(prof)
    total = stats.total_tt
    print(f"{count} {kind} inputs, {total:.2f} s CPU under the profiler, {1000 * total / count:.2f} ms each")
    stats.sort_stats(sort).print_stats(top)


def sample(kind: str, count: int, top: int) -> None:
    """Statistical profile: every 1 ms of CPU, the innermost frame in briefgen's code (file:line)."""
    import signal
    from collections import Counter

    from briefgen.config import load_config
    from briefgen.pipeline import make_briefs

    work = Path(tempfile.mkdtemp(prefix="profile-ingest-"))
    paths = make_inputs(kind, count, work / "content" / "raw")
    config = load_config(work)
    config = replace(config, ingest=replace(config.ingest, merge_copies=False))
    pin_one_core()
    package = str(ROOT / "briefgen")
    lines: Counter = Counter()
    funcs: Counter = Counter()

    def on_sample(_sig, frame) -> None:
        top = frame
        while frame is not None and not frame.f_code.co_filename.startswith(package):
            frame = frame.f_back
        if frame is None:
            lines["(outside briefgen) " + top.f_code.co_filename.rsplit("/", 1)[-1]] += 1
            return
        where = frame.f_code.co_filename[len(package) + 1:]
        lines[f"{where}:{frame.f_lineno} {frame.f_code.co_name}"] += 1
        funcs[f"{where} {frame.f_code.co_name}"] += 1

    signal.signal(signal.SIGPROF, on_sample)
    signal.setitimer(signal.ITIMER_PROF, 0.001, 0.001)
    make_briefs(paths, config, out=work / "content" / "briefs")
    signal.setitimer(signal.ITIMER_PROF, 0, 0)
    total = sum(lines.values())
    print(f"{total} samples of 1 ms CPU ({count} {kind} inputs): innermost briefgen function")
    for name, n in funcs.most_common(top):
        print(f"{100 * n / total:5.1f} %  {name}")
    print("innermost briefgen line")
    for name, n in lines.most_common(top):
        print(f"{100 * n / total:5.1f} %  {name}")


def steps(count: int) -> None:
    """CPU ms a dump of the dump path's steps, each over the same dumps, best of 3 rounds."""
    from briefgen.classify.pipeline import classify
    from briefgen.config import load_config
    from briefgen.ingest import furniture, meta
    from briefgen.ingest.clean import clean_dump
    from briefgen.ingest.fingerprint import fingerprint
    from briefgen.ingest.pipeline import article_from_dump
    from briefgen.ingest.readers import read_raw

    work = Path(tempfile.mkdtemp(prefix="profile-ingest-"))
    paths = make_inputs("dump", count, work / "raw")
    config = load_config(work)
    pin_one_core()
    raws = [read_raw(p) for p in paths]
    texts = [meta.split_prefix(r.text)[2] for r in raws]
    cleaned = [clean_dump(t) for t in texts]
    articles = [article_from_dump(r) for r in raws]
    kept = [furniture.clean(a) for a in articles]
    plan = {
        "read_raw": lambda: [read_raw(p) for p in paths],
        "clean_dump (line model)": lambda: [clean_dump(t) for t in texts],
        "find_header (headline ranker)": lambda: [meta.find_header(c) for c in cleaned],
        "article_from_dump (all above + dates, image, author)": lambda: [article_from_dump(r) for r in raws],
        "furniture.clean": lambda: [furniture.clean(a) for a in articles],
        "fingerprint": lambda: [fingerprint(a) for a in kept],
        "classify": lambda: [classify(a, config, explain=False) for a in kept],
    }
    for name, fn in plan.items():
        best = float("inf")
        for _ in range(3):
            t = time.process_time()
            fn()
            best = min(best, time.process_time() - t)
        print(f"{1000 * best / count:7.3f} ms  {name}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind", choices=("dump", "html"))
    ap.add_argument("count", type=int)
    ap.add_argument("--sort", default="tottime")
    ap.add_argument("--top", type=int, default=45)
    ap.add_argument("--steps", action="store_true")
    ap.add_argument("--sample", action="store_true")
    args = ap.parse_args()
    if args.steps:
        steps(args.count)
    elif args.sample:
        sample(args.kind, args.count, args.top)
    else:
        profile(args.kind, args.count, args.sort, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
