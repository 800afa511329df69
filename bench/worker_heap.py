#!/usr/bin/env python3
"""Where a render worker's own memory goes in a cold build: tracemalloc started in each forked worker
when it takes its first chunk, a snapshot after each chunk; the last one's top lines are printed per
worker (what the worker allocated itself; pages it copied from the parent are not seen here: compare
with bench/mem_build.sh's private_dirty).

    PYTHONPATH=. .venv/bin/python bench/worker_heap.py PROJECT [--top 25]
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tracemalloc
from pathlib import Path


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("project", type=Path)
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--frames", type=int, default=1)
    args = p.parse_args()
    os.environ["BRIEFGEN_NO_PROGRESS"] = "1"
    from briefgen.config import load_config
    from briefgen.site import build as B
    from briefgen.site import render

    out = Path(f"/tmp/worker-heap-{os.getpid()}")
    out.mkdir()
    inner = render._render_in_worker

    def traced(tmp, chunk, make_shared):
        if not tracemalloc.is_tracing():
            tracemalloc.start(args.frames)
        result = inner(tmp, chunk, make_shared)
        snap = tracemalloc.take_snapshot()
        now, peak = tracemalloc.get_traced_memory()
        lines = [f"worker {os.getpid()} traced {now / 1e6:.1f} MB (peak {peak / 1e6:.1f} MB)"]
        key = "traceback" if args.frames > 1 else "lineno"
        for stat in snap.statistics(key)[:args.top]:
            lines.append(f"  {stat.size / 1e6:8.1f} MB {stat.count:9d} blocks  "
                         + " <- ".join(f"{f.filename.rsplit('/', 2)[-1]}:{f.lineno}" for f in stat.traceback))
        (out / f"{os.getpid()}.txt").write_text("\n".join(lines) + "\n")
        return result

    render._render_in_worker = traced
    project = args.project.resolve()
    shutil.rmtree(project / "site", ignore_errors=True)
    shutil.rmtree(project / ".briefgen-cache", ignore_errors=True)
    config = load_config(project)
    B.build(config, clean=True, ingest=False)
    for f in sorted(out.iterdir()):
        print(f.read_text())
    shutil.rmtree(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
