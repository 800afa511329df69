#!/usr/bin/env python3
"""Profile briefgen's build with cProfile: cold, no-change, and one brief edited, on one corpus.

    .venv/bin/python bench/profile_build.py [--size 10000] [--kinds cold,nochange,edit] [--out bench/out]

Runs in this process with `site.jobs = 1`, because cProfile sees only its own process: worker
processes would hide where the time goes. Writes OUT/profile-<size>-<kind>.prof (for snakeviz or
pstats) and prints, per build, the functions with the most own time and the most cumulative time.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import logging
import os
import pstats
import shutil
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

import run  # noqa: E402
from preview_fallback import title_line, with_title  # noqa: E402

log = logging.getLogger("bench.profile")


def profile_once(project: Path, clean: bool, dest: Path, top: int, edit: Path | None = None) -> str:
    from briefgen.config import load_config
    from briefgen.site.build import build

    config = load_config(project, {"site": {"jobs": 1}})
    if clean:
        shutil.rmtree(project / ".briefgen-cache", ignore_errors=True)
        shutil.rmtree(project / "site", ignore_errors=True)
        run.warm(project / "content")
    original = edit.read_text(encoding="utf-8") if edit else ""
    if edit:
        _, title = title_line(original)
        edit.write_text(with_title(original, f"{title} (profiled edit)"), encoding="utf-8")
    profiler = cProfile.Profile()
    start = time.perf_counter()
    try:
        profiler.runcall(build, config, clean=clean, ingest=False)
    finally:
        if edit:
            edit.write_text(original, encoding="utf-8")
    wall = time.perf_counter() - start
    profiler.dump_stats(dest)
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text).strip_dirs()
    text.write(f"wall {wall:.2f} s under cProfile (jobs = 1)\n")
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return text.getvalue()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", type=int, default=10000)
    p.add_argument("--top", type=int, default=30)
    p.add_argument("--kinds", default="cold,nochange,edit", help="builds to profile, in this order")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", type=Path, default=BENCH / "out")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    os.environ["BRIEFGEN_NO_PROGRESS"] = "1"
    out = args.out.resolve()
    project = run.briefgen_project(out, args.size, args.seed)
    briefs = sorted((project / "content" / "briefs").rglob("*.md"))
    for kind in args.kinds.split(","):
        edit = briefs[len(briefs) // 2] if kind == "edit" else None
        dest = out / f"profile-{args.size}-{kind}.prof"
        report = profile_once(project, kind == "cold", dest, args.top, edit)
        (out / f"profile-{args.size}-{kind}.txt").write_text(report, encoding="utf-8")
        print(f"==== {kind} build, {args.size} briefs\n{report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
