#!/usr/bin/env python3
"""Where a fresh process's `briefgen build` spends its CPU, phase by phase, without a profiler's
overhead: the named functions are wrapped with process-time counters (outermost calls only), the
edit (a title, or nothing with --no-edit) is made, and the CLI runs as `briefgen -q -C PROJECT build
--no-ingest` would, in this process. Run it with the code to measure on PYTHONPATH (a frozen copy):

    PYTHONPATH=COPY .venv/bin/python -P bench/edit_phases.py PROJECT [--brief REL] [--no-edit] [--add N]

Prints the CPU of the interpreter's start (before this script), of the imports, of each phase (ms)
and of the whole process; the edit is undone afterwards (not built again)."""
from __future__ import annotations

import argparse
import importlib
import os
import resource
import sys
import time
from pathlib import Path

START = resource.getrusage(resource.RUSAGE_SELF)
BENCH = Path(__file__).resolve().parent

PHASES = [   # module, attribute path: the outermost call of each is timed
    ("briefgen.site.build", "_load_state"),
    ("briefgen.site.inputs", "brief_files"),
    ("briefgen.site.content", "BriefCache.__init__"),
    ("briefgen.site.content", "load_items"),
    ("briefgen.site.build", "_grouped"),
    ("briefgen.site.build", "_changes"),
    ("briefgen.site.pages", "dirty_sections"),
    ("briefgen.site.render", "Shared.__init__"),
    ("briefgen.site.render", "tree_for"),
    ("briefgen.site.render", "Shared.render_all"),
    ("briefgen.site.build", "_update_spare"),
    ("briefgen.site.build", "_save_state"),
    ("briefgen.site.content", "BriefCache.save"),
    ("briefgen.site.build", "swap_in"),
]
SPENT: dict[str, float] = {}
CALLS: dict[str, int] = {}


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def wrap(name: str, fn):
    depth = [0]

    def timed(*args, **kwargs):
        depth[0] += 1
        t = cpu() if depth[0] == 1 else 0.0
        try:
            return fn(*args, **kwargs)
        finally:
            depth[0] -= 1
            if depth[0] == 0:
                SPENT[name] = SPENT.get(name, 0.0) + cpu() - t
                CALLS[name] = CALLS.get(name, 0) + 1
    return timed


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("project", type=Path)
    p.add_argument("--brief", default="content/briefs/2025/01/beijing-durcit-le-ton-sur-la-liberte-de-la-presse-2.md")
    p.add_argument("--no-edit", action="store_true")
    p.add_argument("--add", type=int, default=0, help="add this many new briefs (bench/run.py new_briefs) instead")
    args = p.parse_args()
    os.environ["BRIEFGEN_NO_PROGRESS"] = "1"
    project = args.project.resolve()
    started = cpu()
    from briefgen import cli
    for module, _ in PHASES:
        importlib.import_module(module)
    imported = cpu()
    for module, attr in PHASES:
        owner = sys.modules[module]
        *outer, last = attr.split(".")
        for part in outer:
            owner = getattr(owner, part)
        setattr(owner, last, wrap(attr, getattr(owner, last)))
    # names bound by `from … import` in build.py
    build = sys.modules["briefgen.site.build"]
    build.swap_in = wrap("swap_in", sys.modules["briefgen.site.swap"].swap_in)
    brief = project / args.brief
    original = brief.read_text(encoding="utf-8")
    made = []
    sys.path.insert(0, str(BENCH))
    if args.add:
        import run
        made = run.new_briefs(project, int(time.time()) % 28, args.add)
    elif not args.no_edit:
        from incr_ab import retitled
        brief.write_text(retitled(original, f"P{time.time():.0f}"), encoding="utf-8")
    done = [0.0]

    def finish(code):
        done[0] = cpu()
        raise SystemExit(code)
    cli._exit_now = finish
    before = cpu()
    sys.argv = ["briefgen", "-q", "-C", str(project), "build", "--no-ingest"]
    try:
        cli.main()
    except SystemExit:
        pass
    finally:
        brief.write_text(original, encoding="utf-8")
        for path, _ in made:
            path.unlink()
    end = done[0] or cpu()
    start = START.ru_utime + START.ru_stime
    print(f"interpreter start {start * 1000:7.1f} ms")
    print(f"imports           {(imported - started) * 1000:7.1f} ms (the phases' modules and the CLI)")
    print(f"build             {(end - before) * 1000:7.1f} ms, of which:")
    for name, spent in sorted(SPENT.items(), key=lambda kv: -kv[1]):
        print(f"  {name:28s} {spent * 1000:7.1f} ms ({CALLS[name]} calls)")
    print(f"  {'rest':28s} {(end - before - sum(SPENT.values())) * 1000:7.1f} ms")
    print(f"total             {end * 1000:7.1f} ms CPU  load {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
