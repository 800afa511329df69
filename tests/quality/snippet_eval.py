"""Snippet accuracy ("must contain / must not contain", all or nothing per page) on the 255 sample pages,
page dumps and HTML, per language: briefgen next to plain trafilatura and readability-lxml run by the same
code (tests.quality.html_eval's extractors). Snippets: briefgen.ingest.snippet_score.derive.

    .venv/bin/python -m tests.quality.snippet_eval            # the README table (shipped dump model)
    .venv/bin/python -m tests.quality.snippet_eval --lopo     # dumps leave-publisher-out (5 folds refitted)
    .venv/bin/python -m tests.quality.snippet_eval --fails dump|html [--lopo]   # every failing page, why
    .venv/bin/python -m tests.quality.snippet_eval --show CASE                 # one page's snippets
    .venv/bin/python -m tests.quality.snippet_eval --track [--fails dump|html|…]  # the snippet track
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from functools import cache
from pathlib import Path

from briefgen.ingest.snippet_score import (
    Verdict,
    accuracy,
    check,
    derive_cached,
    track,
    track_accuracy,
    track_check,
)
from tests.quality import html_eval

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("de", "fr", "it", "en")


def scored_cases() -> list[Path]:
    """Sample pages with at least one must-contain snippet (the dump holds the article's sentences)."""
    return [c for c in html_eval.cases("all") if derive_cached(c).must]


def unscored_cases() -> list[str]:
    return [c.name for c in html_eval.cases("all") if not derive_cached(c).must]


@cache
def dump_texts() -> dict[str, str]:
    """Case id -> briefgen's lead + body from dump.txt with the shipped model ('' when refused)."""
    from briefgen.errors import BriefgenError
    from briefgen.ingest.pipeline import ingest_file
    from briefgen.ingest.score import article_text

    out = {}
    for c in scored_cases():
        try:
            out[c.name] = article_text(ingest_file(c / "dump.txt"))
        except BriefgenError:
            out[c.name] = ""
    return out


def lopo_dump_texts() -> dict[str, str]:
    """Case id -> briefgen's text from dump.txt by the line model of the fold that left the page's
    publisher out (scripts/fit_dump_model.py's folds and fit)."""
    from briefgen.errors import BriefgenError
    from briefgen.ingest import linemodel
    from briefgen.ingest.pipeline import ingest_file
    from briefgen.ingest.score import article_text

    spec = importlib.util.spec_from_file_location("fit_dump_model", ROOT / "scripts" / "fit_dump_model.py")
    fdm = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fdm)
    pages = [fdm.Page(c) for c in fdm.corpus()]
    where = fdm.folds(pages)
    out: dict[str, str] = {}
    for f in range(fdm.FOLDS):
        train = [p for p in pages if where[p.publisher] != f]
        model = fdm.fit(train)
        with linemodel.use(linemodel.Model(model)):
            for p in pages:
                if where[p.publisher] != f:
                    continue
                try:
                    out[p.name] = article_text(ingest_file(p.case / "dump.txt"))
                except BriefgenError:
                    out[p.name] = ""
        print(f"  fold {f + 1}/{fdm.FOLDS}", file=sys.stderr)
    return out


def lopo_f1(texts: dict[str, str]) -> str:
    """Mean body F1 of the leave-publisher-out dump texts over all 255 pages (as scripts/fit_dump_model.py
    reports it), to see what a change costs or gains in bag-of-words terms."""
    from briefgen.ingest.score import by_language, score

    per = {c.name: score(texts.get(c.name, ""), (c / "expected.txt").read_text(encoding="utf-8"))
           for c in html_eval.cases("all")}
    table = by_language(per)
    four = [s.f1 for c, s in per.items() if c.split("-", 1)[0] in LANGS]
    return (f"dump body F1, leave-publisher-out: all {table['all'].f1:.5f} ({len(per)} pages), "
            f"de/fr/it/en {sum(four) / len(four):.5f}")


def html_texts(name: str) -> dict[str, str]:
    texts = dict(html_eval.cached(name, "dev"))     # the HTML quality gate's per-corpus caches
    if html_eval.world_pages() is not None:
        texts |= html_eval.cached(name, "world")
    return {c.name: texts.get(c.name, "") for c in scored_cases()}


def verdicts(texts: dict[str, str]) -> dict[str, Verdict]:
    return {c.name: check(texts[c.name], derive_cached(c)) for c in scored_cases() if c.name in texts}


def table(columns: dict[str, dict[str, Verdict]]) -> str:
    accs = {name: accuracy(v) for name, v in columns.items()}
    first = next(iter(accs.values()))
    langs = [k for k in LANGS if k in first]
    rows = ["| pages | n | " + " | ".join(columns) + " |", "| --- | --- |" + " --- |" * len(columns)]
    four = {name: [v for c, v in col.items() if c.split("-", 1)[0] in LANGS] for name, col in columns.items()}
    for lang in [*langs, "de/fr/it/en", "all"]:
        cells = []
        for name in columns:
            if lang == "de/fr/it/en":
                vs = four[name]
                ok, n = sum(v.ok for v in vs), len(vs)
            else:
                ok, n, _ = accs[name].get(lang, (0, 0, 0.0))
            cells.append(f"{ok / n:.3f} ({ok})" if n else "—")
        n = len(four[next(iter(columns))]) if lang == "de/fr/it/en" else first[lang][1]
        rows.append(f"| {lang} | {n} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def track_verdicts(texts: dict[str, str]) -> dict:
    return {c.name: track_check(texts[c.name], track(c)) for c in scored_cases() if c.name in texts}


def track_table(columns: dict[str, dict]) -> str:
    """Per language: share of snippets right (pages with all their snippets right)."""
    first = track_accuracy(next(iter(columns.values())))
    rows = ["| pages | n | " + " | ".join(columns) + " |", "| --- | --- |" + " --- |" * len(columns)]
    groups = [k for k in LANGS if k in first]
    for lang in [*groups, "de/fr/it", "de/fr/it/en", "all"]:
        langs = {"de/fr/it": ("de", "fr", "it"), "de/fr/it/en": LANGS}.get(lang)
        cells, n = [], 0
        for col in columns.values():
            vs = [v for c, v in col.items() if (langs is None and (lang == "all" or c.split("-", 1)[0] == lang))
                  or (langs is not None and c.split("-", 1)[0] in langs)]
            n = len(vs)
            right, total = sum(v.right for v in vs), sum(v.total for v in vs)
            cells.append(f"{right / total:.3f} ({sum(v.ok for v in vs)})" if total else "—")
        rows.append(f"| {lang} | {n} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def show_fails(v: dict[str, Verdict]) -> None:
    for case, r in sorted(v.items()):
        if r.ok:
            continue
        print(f"== {case}")
        for s in r.missing:
            print(f"   MISSING  {s[:120]}")
        for s in r.present:
            print(f"   KEPT     {s[:120]}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lopo", action="store_true", help="dumps by leave-publisher-out line models")
    ap.add_argument("--fails", choices=("dump", "html", "trafilatura", "readability-lxml"))
    ap.add_argument("--show", metavar="CASE")
    ap.add_argument("--track", action="store_true", help="the snippet track: a few snippets a page")
    args = ap.parse_args(argv)
    if args.show:
        c = next(c for c in html_eval.cases("all") if c.name == args.show)
        if args.track:
            t = track(c)
            for m in t.must:
                print("MUST    ", m)
            for m in t.must_not:
                print("MUST NOT", m)
            return
        s = derive_cached(c)
        for m in s.must:
            print("MUST    ", m)
        for m in s.must_not:
            print("MUST NOT", s.where[m], "|", m)
        for r, m in s.excluded:
            print("EXCLUDED", r, "|", m)
        return
    dump = lopo_dump_texts() if args.lopo else dump_texts()
    if args.lopo:
        print(lopo_f1(dump))
    if args.fails:
        texts = dump if args.fails == "dump" else html_texts("briefgen" if args.fails == "html" else args.fails)
        show_fails(track_verdicts(texts) if args.track else verdicts(texts))
        return
    if args.track:
        cols = {"dump (briefgen" + (", LOPO)" if args.lopo else ")"): track_verdicts(dump),
                "HTML briefgen": track_verdicts(html_texts("briefgen")),
                "HTML trafilatura": track_verdicts(html_texts("trafilatura")),
                "HTML readability-lxml": track_verdicts(html_texts("readability-lxml"))}
        print(track_table(cols))
        return
    cols = {"dump (briefgen" + (", LOPO)" if args.lopo else ")"): verdicts(dump),
            "HTML briefgen": verdicts(html_texts("briefgen")),
            "HTML trafilatura": verdicts(html_texts("trafilatura")),
            "HTML readability-lxml": verdicts(html_texts("readability-lxml"))}
    print(table(cols))
    print(f"\nnot scored (the dump holds none of the article's sentences): {', '.join(unscored_cases())}")


if __name__ == "__main__":
    main()
