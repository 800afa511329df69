#!/usr/bin/env python3
"""Profile briefgen's build with cProfile: cold, no-change, one brief edited, a day's new briefs added.

    .venv/bin/python bench/profile_build.py [--size 10000] [--kinds cold,nochange,edit,add] [--out bench/out]

`add`: 100 new briefs (1,000 from 50,000 briefs on; bench/run.py's new_briefs), profiled, then removed
and built again unprofiled; its report also counts the files the build wrote, by kind of page (what a
day's briefs make the site rewrite, and why each).

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


def page_kind(path: str) -> str:
    """A written site path's kind of page: brief, listing latest or archive page, feed, ..."""
    parts = path.split("/")
    if path.endswith(".xml"):
        return "feed " + ("(site)" if len(parts) == 1 else parts[0])
    if parts[0].isdigit() and len(parts) == 4:
        return "brief page"
    if parts[0] == "search" and path.endswith(".json"):
        return "search shard"
    if "page" in parts[:-1]:
        return "redirect from a former page/N/ URL"
    if "archive" in parts:
        kind = "month" if parts[0].isdigit() else "region x theme" if len(parts) == 6 else parts[0]
        return f"{kind} archive page"
    if parts[0].isdigit():
        return "month latest page"
    if parts[0] == "editions" and len(parts) > 2:
        return "edition page (a day)"
    if parts[0] in ("regions", "themes", "countries", "archives") and len(parts) > 2:
        depth = "region x theme" if parts[0] == "regions" and len(parts) == 4 else parts[0]
        return f"{depth} latest page"
    return path


def written_by_kind(paths: list[str]) -> str:
    counts: dict[str, int] = {}
    for path in paths:
        kind = page_kind(path)
        counts[kind] = counts.get(kind, 0) + 1
    lines = [f"files written or removed: {len(paths)}"]
    lines += [f"  {n:6d}  {kind}" for kind, n in sorted(counts.items(), key=lambda kv: -kv[1])]
    return "\n".join(lines) + "\n"


def profile_once(project: Path, clean: bool, dest: Path, top: int, edit: Path | None = None,
                 add: int = 0) -> str:
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
    made = run.new_briefs(project, 0, add) if add else []
    profiler = cProfile.Profile()
    start = time.perf_counter()
    try:
        result = profiler.runcall(build, config, clean=clean, ingest=False)
    finally:
        if edit:
            edit.write_text(original, encoding="utf-8")
        for path, _ in made:
            path.unlink()
    wall = time.perf_counter() - start
    if made:
        build(config, ingest=False)
    profiler.dump_stats(dest)
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text).strip_dirs()
    text.write(f"wall {wall:.2f} s under cProfile (jobs = 1)\n")
    if not clean:
        text.write(written_by_kind(result.changed_paths))
        dest.with_suffix(".written.txt").write_text("".join(f"{p}\n" for p in sorted(result.changed_paths)),
                                                    encoding="utf-8")
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return text.getvalue()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", type=int, default=10000)
    p.add_argument("--top", type=int, default=30)
    p.add_argument("--kinds", default="cold,nochange,edit,add", help="builds to profile, in this order")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", type=Path, default=BENCH / "out")
    p.add_argument("--project", type=Path, help="a built project to use instead of OUT/<size>/briefgen")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    os.environ["BRIEFGEN_NO_PROGRESS"] = "1"
    out = args.out.resolve()
    project = args.project.resolve() if args.project else run.briefgen_project(out, args.size, args.seed)
    briefs = sorted((project / "content" / "briefs").rglob("*.md"))
    for kind in args.kinds.split(","):
        edit = briefs[len(briefs) // 2] if kind == "edit" else None
        dest = out / f"profile-{args.size}-{kind}.prof"
        add = (1000 if args.size >= run.LARGE else 100) if kind == "add" else 0
        report = profile_once(project, kind == "cold", dest, args.top, edit, add)
        (out / f"profile-{args.size}-{kind}.txt").write_text(report, encoding="utf-8")
        print(f"==== {kind} build, {args.size} briefs\n{report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
