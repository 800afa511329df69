#!/usr/bin/env python3
"""One process that ingests every STRIDE-th distinct page once, for instruction counts (load-immune).

    valgrind --tool=callgrind --callgrind-out-file=OUT python -P bench/ir_ingest.py dump 3
    IR_ONLY_WARM=1 valgrind --tool=callgrind ... python -P bench/ir_ingest.py dump 3   # the fixed part

The distinct pages are bench/workers.py's (`distinct_sources`): every third dump is 103 pages, every sixth
HTML page 62. Three other pages are ingested first (data files, models and libraries load then), so the
difference between the two runs' `Collected` counts is the pages' own instructions. Run each code from its
own frozen copy (`git archive`) with its own warm XDG_CACHE_HOME (bench/README, "ingest").
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from workers import SOURCE_NAME, distinct_sources  # noqa: E402


def main() -> int:
    kind, stride = sys.argv[1], int(sys.argv[2])
    from briefgen.config import load_config
    from briefgen.pipeline import make_briefs

    work = Path(tempfile.mkdtemp(prefix="ir-ingest-"))
    raw = work / "raw"
    raw.mkdir()
    sources = distinct_sources(kind)
    ext = SOURCE_NAME[kind][1]

    def copy(i: int, src: Path, tag: str) -> Path:
        path = raw / f"{tag}{i:05d}{ext}"
        path.write_bytes(src.read_bytes())
        return path

    warm = [copy(i, s, "w") for i, s in enumerate(sources[1:stride * 3:stride])]
    pages = [] if os.environ.get("IR_ONLY_WARM") else [copy(i, s, "p") for i, s in enumerate(sources[::stride])]
    config = load_config(work)
    config = replace(config, ingest=replace(config.ingest, merge_copies=False))
    make_briefs(warm, config, out=work / "warm")
    make_briefs(pages, config, out=work / "out")
    print(len(pages), "pages")
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
