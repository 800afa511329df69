#!/usr/bin/env python3
"""In-process measurements, each run by bench/run.py in a fresh process (one JSON line out).

    python bench/workers.py ingest KIND COUNT WORKDIR     # KIND: dump | html
    python bench/workers.py classify CORPUS COUNT
    python bench/workers.py preview PROJECT N

ingest and classify are pinned to one core (the targets are "per core"); the clock wraps only the
call being measured, not the interpreter start, the imports or the preparation of the inputs.
"""
from __future__ import annotations

import importlib.util
import json
import logging
import os
import re
import shutil
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

log = logging.getLogger(__name__)

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SAMPLES = ROOT / "tests" / "data" / "samples" / "pages"
SOURCE_NAME = {"dump": ("dump.txt", ".txt"), "html": ("source.html", ".html")}
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def make_inputs(kind: str, count: int, folder: Path) -> list[Path]:
    """`count` copies of the sample pages, each renamed and made byte-unique, so that no cache or
    unchanged-input check can skip one; the added bytes are trailing whitespace or an HTML comment."""
    source, ext = SOURCE_NAME[kind]
    cases = sorted(p for p in SAMPLES.iterdir() if (p / source).is_file())
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        case = cases[i % len(cases)]
        data = (case / source).read_bytes()
        data += b"\n" * (i // len(cases) + 1) if kind == "dump" else f"\n<!-- copy {i} -->\n".encode()
        path = folder / f"{case.name}-copy{i:05d}{ext}"
        path.write_bytes(data)
        paths.append(path)
    return paths


def ingest(kind: str, count: int, work: Path) -> dict:
    from briefgen.config import load_config
    from briefgen.pipeline import make_briefs

    shutil.rmtree(work, ignore_errors=True)
    paths = make_inputs(kind, count, work / "content" / "raw")
    config = load_config(work)
    # The inputs are copies of the sample pages: each must still be briefed, not merged as one article.
    config = replace(config, ingest=replace(config.ingest, merge_copies=False))
    out = work / "content" / "briefs"
    pin_one_core()
    start, cpu = time.perf_counter(), time.process_time()
    report = make_briefs(paths, config, out=out)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    written = sum(1 for _ in out.rglob("*.md")) if out.exists() else 0
    failed = getattr(report, "failed", None)
    return {"inputs": count, "seconds": elapsed, "per_second": count / elapsed, "per_cpu_second": count / cpu,
            "written": written,
            "failed": len(failed) if isinstance(failed, (list, tuple, dict, set)) else failed}


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def article_of(brief):
    """The Article ingest would have produced for a brief: plain text blocks from its Markdown body."""
    from briefgen.model import Article, Block, Source

    blocks = []
    for chunk in brief.body.split("\n\n"):
        text = _LINK.sub(r"\1", chunk.strip()).replace("*", "")
        if not text:
            continue
        if text.startswith("## "):
            blocks.append(Block("heading", text=text[3:]))
        elif text.startswith("- ") or "\n- " in text:
            lines = text.splitlines()
            intro = [ln for ln in lines if not ln.startswith("- ")]
            blocks += [Block("paragraph", text=" ".join(intro))] if intro else []
            blocks.append(Block("list", items=tuple(ln[2:] for ln in lines if ln.startswith("- "))))
        else:
            blocks.append(Block("paragraph", text=text))
    return Article(title=brief.title, lang=brief.lang, blocks=tuple(blocks), kicker=brief.kicker,
                   lead=brief.lead, date=brief.date, source=Source(name=brief.source.name))


def classify(corpus: Path, count: int) -> dict:
    from briefgen.brief.frontmatter import read
    from briefgen.classify.pipeline import classify as classify_article
    from briefgen.config import load_config

    config = load_config(corpus)
    files = sorted(corpus.rglob("*.md"))[:count]
    articles = [article_of(read(p)) for p in files]
    pin_one_core()
    classify_article(articles[0], config)  # lexicons and tables load once; not a per-brief cost
    start, cpu = time.perf_counter(), time.process_time()
    labelled = sum(1 for a in articles if classify_article(a, config).themes)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"briefs": len(articles), "seconds": elapsed, "per_second": len(articles) / elapsed,
            "per_cpu_second": len(articles) / cpu,
            "with_themes": labelled}


def _load_preview_module():
    path = BENCH / "preview_latency.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("preview_latency", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module if hasattr(module, "measure_edit_latency") else None


def _summary(values) -> dict:
    """Normalise whatever measure_edit_latency returns into seconds: median, min, max, all."""
    if isinstance(values, dict):
        for key in ("samples", "latencies", "values", "times"):
            if isinstance(values.get(key), (list, tuple)):
                return _summary(values[key])
        med = values.get("median")
        return {"median": med, "min": values.get("min", med), "max": values.get("max", med), "all": []}
    if isinstance(values, (int, float)):
        values = [values]
    values = [float(v) for v in values]
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "all": values}


def preview(project: Path, n: int) -> dict:
    module = _load_preview_module()
    if module is not None:
        result, source = module.measure_edit_latency(project, n=n), "bench/preview_latency.py"
    else:
        from preview_fallback import measure_edit_latency
        result, source = measure_edit_latency(project, n=n), "bench/preview_fallback.py"
    rebuild = result.get("rebuild_median") if isinstance(result, dict) else None
    return {**_summary(result), "by": source, "rebuild_median": rebuild}


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    os.environ.setdefault("BRIEFGEN_NO_PROGRESS", "1")
    what, *args = argv
    if what == "ingest":
        result = ingest(args[0], int(args[1]), Path(args[2]))
    elif what == "classify":
        result = classify(Path(args[0]), int(args[1]))
    elif what == "preview":
        sys.path.insert(0, str(BENCH))
        result = preview(Path(args[0]), int(args[1]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
