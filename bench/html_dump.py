"""Dump the Article of every sample HTML page, or compare it with an earlier dump; or time the stages.

    .venv/bin/python bench/html_dump.py OUT.json               # write
    .venv/bin/python bench/html_dump.py OUT.json --check REF   # write, then compare with REF (exit 1)
    .venv/bin/python bench/html_dump.py --stages [--world]     # CPU ms a page of each stage, one core

For speed work on the HTML path: a change must leave every field of every page as it was (title, kicker,
lead, dates, language, blocks, translations, image, source with agency and author). Pages: the 49 of
tests/data/samples/pages, plus pages-world when shared/ is found ($BRIEFGEN_SHARED, ../shared).
`--stages` times each step of briefgen.ingest.html on pre-parsed pages (best of two passes); the bench
itself (`workers.py ingest html`) uses the 49 pages only, as `--stages` does without `--world`.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefgen.errors import IngestError
from briefgen.ingest import html as H
from briefgen.ingest.pipeline import ingest_file
from briefgen.ingest.readers import read_raw


def pages(world: bool) -> list[Path]:
    found = sorted((ROOT / "tests" / "data" / "samples" / "pages").glob("*/source.html"))
    if world:
        for shared in (os.environ.get("BRIEFGEN_SHARED"), ROOT.parent / "shared"):
            if shared and (Path(shared) / "samples" / "pages-world").is_dir():
                found += sorted((Path(shared) / "samples" / "pages-world").glob("*/source.html"))
                break
    return found


def dump() -> dict:
    out = {}
    for path in pages(True):
        key = f"{path.parent.parent.name}/{path.parent.name}"
        try:
            a = ingest_file(path)
        except IngestError as exc:
            out[key] = {"error": str(exc)}
            continue
        out[key] = {"title": a.title, "kicker": a.kicker, "lead": a.lead, "date": str(a.date),
                    "updated": str(a.updated), "lang": a.lang,
                    "blocks": [[b.kind, b.text, list(b.items)] for b in a.blocks],
                    "translations": list(a.translations), "image": repr(a.image), "source": repr(a.source)}
    return out


def stages(world: bool) -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})
    raws = [read_raw(p) for p in pages(world)]
    docs = [H._parse(r.text) for r in raws]
    mds = [H._metadata(d) for d in docs]
    opts = H.Options()

    def standfirst(r, d, m):
        return H._standfirst(H._clean(m.description), d) if m.description else None

    def title(r, d, m):
        forms, sites = H._title_forms(d), H.site_names(d, m.url)
        return H._title(forms, H._clean(m.title), H._heading(d, sites, forms, r.text), [H._clean(m.sitename), *sites],
                        H._headings(d), H.PageNames(d, forms, r.text))

    texts = {id(r): H.markdown_blocks(H.tidy(H._trafilatura(d, opts, True))) for r, d in zip(raws, docs)}

    def cuts(r, d, m):
        return H._cut_at_comments(H._after_headline(texts[id(r)], [m.title]))

    steps = {
        "whole article_from_html": lambda r, d, m: H.article_from_html(r),
        "lxml parse": lambda r, d, m: H._parse(r.text),
        "trafilatura text, fast run": lambda r, d, m: H._trafilatura(d, opts, True),
        "trafilatura text + full runs + metadata": lambda r, d, m: H._extract(r, d, opts),
        "trafilatura metadata": lambda r, d, m: H._metadata(d),
        "paragraph words": lambda r, d, m: H.paragraph_words(d),
        "standfirst": standfirst,
        "page dates": lambda r, d, m: H._dates(r, m),
        "heading + kicker": lambda r, d, m: H._heading(d, [], H._title_forms(d)),
        "site names (home links)": lambda r, d, m: H.site_names(d, m.url),
        "headings h1-h3": lambda r, d, m: H._headings(d),
        "title (forms, site names, headings)": title,
        "text before the headline, comments": cuts,
        "lead image": lambda r, d, m: H.lead_image(d, m.url),
    }
    print(f"{len(raws)} pages, load {os.getloadavg()[0]:.2f}")
    for name, step in steps.items():
        best = float("inf")
        for _ in range(2):
            start = time.process_time()
            for r, d, m in zip(raws, docs, mds):
                try:
                    step(r, d, m)
                except IngestError:
                    pass
            best = min(best, (time.process_time() - start) / len(raws) * 1000)
        print(f"{name:42s} {best:6.2f} ms")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", type=Path)
    ap.add_argument("--check", type=Path)
    ap.add_argument("--stages", action="store_true")
    ap.add_argument("--world", action="store_true")
    args = ap.parse_args(argv)
    if args.stages:
        stages(args.world)
        return 0
    if args.out is None:
        ap.error("OUT.json or --stages")
    got = dump()
    args.out.write_text(json.dumps(got, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(got)} pages, {sum('error' in v for v in got.values())} without a brief -> {args.out}")
    if args.check:
        ref = json.loads(args.check.read_text(encoding="utf-8"))
        changed = sorted(k for k in ref.keys() | got.keys() if ref.get(k) != got.get(k))
        for key in changed:
            print(f"changed: {key}")
        print("same on every page" if not changed else f"{len(changed)} pages changed")
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
