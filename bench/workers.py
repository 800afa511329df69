#!/usr/bin/env python3
"""In-process measurements, each run by bench/run.py in a fresh process (one JSON line out).

    python bench/workers.py ingest KIND COUNT WORKDIR     # KIND: dump | html
    python bench/workers.py ingest KIND COUNT WORKDIR --distinct   # every distinct page, see ingest()
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


def shared_samples() -> Path | None:
    """shared/samples beside the repository, or under BRIEFGEN_SHARED."""
    for base in (os.environ.get("BRIEFGEN_SHARED"), ROOT.parent / "shared"):
        if base and (Path(base) / "samples" / "pages").is_dir():
            return Path(base) / "samples"
    return None


def distinct_sources(kind: str) -> list[Path]:
    """Every distinct page of the kind: the sample pages (tests/data/samples, or shared/samples/pages) and
    shared/samples/pages-world when found, and the hand-written old-style pages of tests/data
    (dumps-oldstyle; html-oldstyle and html-transfer)."""
    source, _ = SOURCE_NAME[kind]
    data = ROOT / "tests" / "data"
    shared = shared_samples()
    corpora = [shared / "pages", shared / "pages-world"] if shared else [SAMPLES]
    files = [p / source for corpus in corpora for p in sorted(corpus.iterdir()) if (p / source).is_file()]
    if kind == "dump":
        files += sorted((data / "dumps-oldstyle").glob("*.txt"))
    else:
        files += sorted((data / "html-oldstyle").glob("*.html"))
        files += sorted(p / source for p in (data / "html-transfer").iterdir() if (p / source).is_file())
    return [f for f in files if f.name != "NOTE.md"]


def make_distinct_inputs(kind: str, count: int, folder: Path) -> list[list[Path]]:
    """`count` files cycling over every distinct page (distinct_sources), made byte-unique like
    make_inputs; returned as passes (one list per round over the pages)."""
    sources = distinct_sources(kind)
    folder.mkdir(parents=True, exist_ok=True)
    passes: list[list[Path]] = []
    for i in range(count):
        rnd, src = divmod(i, len(sources))
        if src == 0:
            passes.append([])
        data = sources[src].read_bytes()
        data += b"\n" * (rnd + 1) if kind == "dump" else f"\n<!-- copy {i} -->\n".encode()
        path = folder / f"{i:05d}{SOURCE_NAME[kind][1]}"
        path.write_bytes(data)
        passes[-1].append(path)
    return passes


def text_caches() -> list:
    """briefgen's caches keyed by a line's or a page's text (line shapes, line kinds, stems, credit
    lines, the line model's dot products, a page's JSON-LD): a copy of a page finds all its lines there.
    Not the loaders' caches (lexicons, models: a cost paid once a run) nor the per-word ones (words
    repeat across distinct pages)."""
    import functools

    found = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("briefgen.") or module is None:
            continue
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper) and getattr(value, "__module__", None) == name:
                maxsize = value.cache_info().maxsize
                if maxsize is not None and maxsize >= 1 << 14 or value.__name__ == "_jsonld_items":
                    found.append(value.cache_clear)
    from briefgen.ingest import linemodel

    model = linemodel._shipped() if hasattr(linemodel, "_shipped") else None
    if isinstance(getattr(model, "_cache", None), dict):
        found.append(model._cache.clear)
    return found


def compile_package() -> None:
    """briefgen's bytecode written beside its modules, as `pip install` writes it: where
    PYTHONDONTWRITEBYTECODE is set (this sandbox sets it) a frozen copy would otherwise compile the
    ~30 modules ingest imports on demand inside the timed call, ~0.1 s of CPU, on every run."""
    import compileall

    compileall.compile_dir(ROOT / "briefgen", quiet=1, workers=1)


def ingest(kind: str, count: int, work: Path, distinct: bool = False) -> dict:
    """`count` inputs through make_briefs. Default: copies of the 49 sample pages (the caches keyed by a
    line's text answer for every copy after the first). distinct: every distinct page of both sample
    corpora and the old-style sets, cycled to `count`, and briefgen's text caches emptied before each
    new round over them, so that no page is cheaper for having been seen before in the run."""
    compile_package()
    from briefgen.config import load_config
    from briefgen.pipeline import make_briefs

    shutil.rmtree(work, ignore_errors=True)
    if distinct:
        from briefgen import pipeline

        passes = make_distinct_inputs(kind, count, work / "content" / "raw")
        paths = [p for round_ in passes for p in round_]
        firsts = {round_[0] for round_ in passes[1:]}
        one = pipeline._one

        def one_fresh(path, *args):
            if path in firsts or path.resolve() in firsts:
                for clear in text_caches():
                    clear()
            return one(path, *args)

        pipeline._one = one_fresh
        firsts |= {p.resolve() for p in firsts}
    else:
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
    extra = {"distinct": len(passes[0]), "rounds": len(passes)} if distinct else {}
    return {**extra, "inputs": count, "seconds": elapsed, "per_second": count / elapsed, "per_cpu_second": count / cpu,
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
        distinct = "--distinct" in args
        args = [a for a in args if a != "--distinct"]
        result = ingest(args[0], int(args[1]), Path(args[2]), distinct=distinct)
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
