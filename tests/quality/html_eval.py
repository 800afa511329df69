"""HTML main-text extraction, measured: briefgen, plain trafilatura and readability-lxml run by the same
code on the same pages (tests/data/samples/pages + ../shared/samples/pages-world), scored by
briefgen.ingest.score against each case's expected.txt.

    .venv/bin/python -m tests.quality.html_eval                 # README table: per language and overall
    .venv/bin/python -m tests.quality.html_eval --ablation      # briefgen without each post-processing step
    .venv/bin/python -m tests.quality.html_eval --variants      # trafilatura settings inside briefgen
    .venv/bin/python -m tests.quality.html_eval --titles        # titles, also with og:title/JSON-LD ignored
    .venv/bin/python -m tests.quality.html_eval --switch        # a per-page briefgen/readability choice, LOPO
    .venv/bin/python -m tests.quality.html_eval --old           # the same on the pages as older markup
    .venv/bin/python -m tests.quality.html_eval --brbr          # ... and with <p>s as text and <br><br>
    .venv/bin/python -m tests.quality.html_eval --transfer      # tests/data/html-transfer, both markups

Every extractor sees source.html as briefgen reads it (briefgen.ingest.readers). A page an extractor
gives nothing for scores zero. Results are cached per process (the quality gate runs each once).
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from briefgen.ingest.score import Score, by_language, score

ROOT = Path(__file__).resolve().parents[2]
DEV_PAGES = ROOT / "tests" / "data" / "samples" / "pages"


def shared_dir() -> Path | None:
    """../shared (beside the repository, or $BRIEFGEN_SHARED), when present."""
    for base in (os.environ.get("BRIEFGEN_SHARED"), ROOT.parent / "shared", ROOT.parents[1] / "shared"):
        if base and (Path(base) / "samples" / "pages-world").is_dir():
            return Path(base)
    return None


def world_pages() -> Path | None:
    shared = shared_dir()
    return shared / "samples" / "pages-world" if shared else None


def cases(corpus: str = "all") -> list[Path]:
    """Case folders: 'dev' (49 pages in the repository), 'world' (pages-world) or 'all'."""
    dirs = []
    if corpus in ("dev", "all"):
        dirs.append(DEV_PAGES)
    if corpus in ("world", "all") and world_pages() is not None:
        dirs.append(world_pages())
    return [c for d in dirs for c in sorted(d.iterdir()) if (c / "source.html").is_file()]


def publisher(case: str) -> str:
    """The publisher of a case id `<lang>-<publisher>-<date>` (language and date left out)."""
    return case.split("-")[1]


# --- older markup, simulated ----------------------------------------------------------------------------

# HTML5 elements that pages written before they spread do not have: each becomes a <div>.
NEW_TAGS = frozenset(("article", "main", "section", "header", "footer", "nav", "aside", "figure"))
NAMING_ATTRS = frozenset(("class", "id", "role", "itemprop", "itemscope", "itemtype"))


def old_markup(page: str) -> str:
    """The page as older markup: every class, id, role, microdata, data- and aria- attribute removed and
    the HTML5 sectioning elements made <div>s, so that no extractor can read the page's names for its
    parts (trafilatura's and briefgen's class-name rules, `<article>`, `<nav>`) and only the shape of the
    text and the tags of 2005 remain (<p>, <div>, <table>, <h1>-<h6>, <a>, <ul>). The <head> is kept."""
    import lxml.html

    doc = lxml.html.document_fromstring(page)
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in NEW_TAGS:
            el.tag = "div"
        for name in [a for a in el.attrib if a in NAMING_ATTRS or a.startswith(("data-", "aria-"))]:
            del el.attrib[name]
    return lxml.html.tostring(doc, encoding="unicode", doctype="<!DOCTYPE html>")


def brbr_markup(page: str) -> str:
    """The page as older markup (old_markup) with every <p> written as its text and two <br>s, the way pages
    of the late 1990s and 2000s set paragraphs (a <div> or <td> of text, "<br><br>" between paragraphs): no
    extractor can count <p> elements. Headings, lists, tables and links stay."""
    import lxml.html

    doc = lxml.html.document_fromstring(old_markup(page))
    for p in list(doc.iter("p")):
        if p.getparent() is None:
            continue
        for _ in range(2):
            p.append(lxml.html.Element("br"))
        p.drop_tag()
    return lxml.html.tostring(doc, encoding="unicode", doctype="<!DOCTYPE html>")


# The pages as read ("real"), as older markup ("old": --old) or older still ("brbr": --brbr).
VARIANT = {"name": "real"}
MARKUPS = {"old": old_markup, "brbr": brbr_markup}


# --- extractors: (source.html path) -> text of lead + body ------------------------------------------

def _page(path: Path) -> str:
    return _raw(path).text


def _raw(path: Path):
    return _variant_raw(path, VARIANT["name"])


@lru_cache(maxsize=None)
def _variant_raw(path: Path, variant: str):
    from dataclasses import replace as _replace

    from briefgen.ingest.readers import read_raw

    raw = read_raw(path)
    if variant in MARKUPS:
        raw = _replace(raw, text=MARKUPS[variant](raw.text), path=path.with_name(f"source.{variant}.html"))
    return raw


def briefgen_text(path: Path, options=None, variant: str | None = None) -> str:
    """briefgen's lead and body as the pipeline gives them (ingest_raw: article_from_html, then the
    furniture filter), so that the columns as they are and as older markup compare."""
    from briefgen.errors import UndatedError
    from briefgen.ingest import furniture
    from briefgen.ingest.html import article_from_html
    from briefgen.ingest.score import article_text

    raw = _raw(path) if variant is None else _variant_raw(path, variant)
    try:
        article = article_from_html(raw, options)
    except UndatedError as exc:   # the pipeline dates such a page by its file and briefs it
        article = exc.article
    return article_text(furniture.clean(article))


@lru_cache(maxsize=None)
def old_markup_texts(corpus: str = "all") -> dict[str, str]:
    """Case id -> briefgen's text of the page as older markup (old_markup), '' when refused."""
    return run(lambda p: briefgen_text(p, variant="old"), cases(corpus))


def trafilatura_text(path: Path, **settings) -> str:
    import trafilatura

    return trafilatura.extract(_page(path), **settings) or ""


def readability_text(path: Path) -> str:
    """readability-lxml's summary as text, one paragraph per block element."""
    import lxml.html
    from readability import Document

    summary = Document(_page(path)).summary(html_partial=True)
    doc = lxml.html.fragment_fromstring(summary, create_parent="div")
    for el in doc.iter("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "blockquote", "pre"):
        el.tail = "\n\n" + (el.tail or "")
    return doc.text_content()


def extractors() -> dict[str, Callable[[Path], str]]:
    return {
        "briefgen": briefgen_text,
        "trafilatura": trafilatura_text,
        "readability-lxml": readability_text,
    }


def run(extract: Callable[[Path], str], paths: list[Path]) -> dict[str, str]:
    """Case id -> extracted text ('' when the extractor fails or refuses the page)."""
    out = {}
    for path in paths:
        try:
            out[path.name] = extract(path / "source.html") or ""
        except Exception:  # noqa: BLE001 - any failure is a page with nothing extracted
            out[path.name] = ""
    return out


def scores(texts: dict[str, str], paths: list[Path]) -> dict[str, Score]:
    return {p.name: score(texts[p.name], (p / "expected.txt").read_text(encoding="utf-8")) for p in paths}


@lru_cache(maxsize=None)
def cached(name: str, corpus: str = "all") -> dict[str, str]:
    """Texts of one named extractor over a corpus, computed once per process."""
    if name == "briefgen" and VARIANT["name"] == "real":
        from briefgen.ingest.score import article_text
        from briefgen.model import Article

        return {case: article_text(a) if isinstance(a, Article) else ""
                for case, a in articles(corpus).items()}
    return run(extractors()[name], cases(corpus))


@lru_cache(maxsize=None)
def articles(corpus: str = "all") -> dict:
    """Case id -> briefgen's Article from source.html, or the IngestError that refused it."""
    from briefgen.errors import BriefgenError
    from briefgen.ingest.pipeline import ingest_file

    out: dict = {}
    for path in cases(corpus):
        try:
            out[path.name] = ingest_file(path / "source.html")
        except BriefgenError as exc:
            out[path.name] = exc
    return out


@lru_cache(maxsize=None)
def titles_without_meta(corpus: str = "all") -> dict[str, str | None]:
    """Case id -> briefgen's title when the page's og:title, twitter:title and JSON-LD headline are
    ignored: the page as older sites write it (the <h1>, the headings, the <title>, the home links)."""
    from briefgen.ingest import html
    from briefgen.ingest.readers import read_raw

    out: dict[str, str | None] = {}
    for path in cases(corpus):
        page = read_raw(path / "source.html").text
        doc = html._parse(page)
        md = html._metadata(doc)
        forms = {k: v for k, v in html._title_forms(doc).items() if k not in ("og", "ld")}
        sites = html.site_names(doc, md.url)
        sites += [n for n in html.named_sites(doc, page, forms, md.url) if n not in sites]
        heading = html._heading(doc, sites, forms, page)
        out[path.name] = html._title(forms, None, heading, [html._clean(md.sitename), *sites],
                                     html._headings(doc), html.PageNames(doc, forms, page))
    return out


def switch_report(paths: list[Path]) -> str:
    """A per-page choice between briefgen's text and readability-lxml's (not adopted; README "Design
    notes"): readability's text is taken when briefgen's has fewer words than THETA times the page's <p>
    words, readability's covers at least COV of briefgen's words, and is longer but at most KAPPA times
    the <p> words. The three numbers are grid-searched for mean F1, in-sample and leave-publisher-out."""
    from itertools import product
    from statistics import mean

    from briefgen.ingest import html
    from briefgen.ingest.readers import read_raw
    from briefgen.ingest.score import tokens

    ours, theirs = cached("briefgen"), cached("readability-lxml")
    rows = {}
    for p in paths:
        reference = (p / "expected.txt").read_text(encoding="utf-8")
        b, r = tokens(ours[p.name]), tokens(theirs[p.name])
        nb, nr = sum(b.values()), sum(r.values())
        rows[p.name] = {"para": html.paragraph_words(html._parse(read_raw(p / "source.html").text)),
                        "nb": nb, "nr": nr, "cov": sum((b & r).values()) / nb if nb else 0.0,
                        "fb": score(ours[p.name], reference).f1, "fr": score(theirs[p.name], reference).f1}

    def pick(row, theta, cov, kappa):
        use = row["para"] > 0 and row["nb"] < theta * row["para"] and row["cov"] >= cov \
            and row["nb"] < row["nr"] <= kappa * row["para"]
        return row["fr"] if use else row["fb"]

    grid = list(product([0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], [0.8, 0.85, 0.9, 0.95], [1.0, 1.1, 1.2, 1.5]))

    def fit(names):
        return max(grid, key=lambda g: (round(sum(pick(rows[c], *g) for c in names), 6), -g[0]))

    names = list(rows)
    best = fit(names)
    lopo = {}
    for pub in sorted({publisher(c) for c in names}):
        params = fit([c for c in names if publisher(c) != pub])
        lopo |= {c: pick(rows[c], *params) for c in names if publisher(c) == pub}
    return (f"briefgen alone {mean(r['fb'] for r in rows.values()):.4f}, readability alone "
            f"{mean(r['fr'] for r in rows.values()):.4f}, best of the two per page "
            f"{mean(max(r['fb'], r['fr']) for r in rows.values()):.4f}\n"
            f"switch fitted on all (theta, cov, kappa = {best}): {mean(pick(rows[c], *best) for c in names):.4f}"
            f", {sum(pick(rows[c], *best) != rows[c]['fb'] for c in names)} pages switched\n"
            f"switch leave-publisher-out: {mean(lopo.values()):.4f}")


# --- reports -------------------------------------------------------------------------------------------

def table(columns: dict[str, dict[str, Score]]) -> str:
    """Markdown table: F1 per language and overall, one column per extractor."""
    langs: dict[str, int] = {}
    for case in next(iter(columns.values())):
        langs[case.split("-", 1)[0]] = langs.get(case.split("-", 1)[0], 0) + 1
    order = sorted(langs, key=lambda lang: (-langs[lang], lang))
    per = {name: by_language(s) for name, s in columns.items()}
    rows = ["| language | cases | " + " | ".join(f"{n} F1" for n in columns) + " |",
            "| --- | ---: | " + " | ".join("---:" for _ in columns) + " |"]
    for lang in order + ["all"]:
        n = sum(langs.values()) if lang == "all" else langs[lang]
        rows.append(f"| {lang} | {n} | " + " | ".join(f"{per[c][lang].f1:.3f}" for c in columns) + " |")
    zero = {name: sum(s.f1 < 0.5 for s in v.values()) for name, v in columns.items()}
    rows.append("| pages F1 < 0.5 | | " + " | ".join(str(zero[c]) for c in columns) + " |")
    return "\n".join(rows)


def _memoise_trafilatura() -> None:
    """The ablation changes only briefgen's steps: trafilatura's output per page and setting is reused."""
    from briefgen.ingest import html

    extract, memo = html._extract, {}

    def cached_extract(raw, doc, options):
        key = (str(raw.path), options.focus, options.fast, options.tables)
        if key not in memo:
            memo[key] = extract(raw, doc, options)
        return memo[key]

    html._extract = cached_extract


TRANSFER_PAGES = ROOT / "tests" / "data" / "html-transfer"
RIGHT = 0.97   # a transfer case is right when recall and precision both reach this (test_html_transfer.py)


def transfer_report() -> str:
    """The three extractors on the hand-written transfer pages, as written and as older markup: cases right
    (recall and precision >= RIGHT) and mean F1."""
    paths = [c for c in sorted(TRANSFER_PAGES.iterdir()) if (c / "source.html").is_file()]
    rows = ["| extractor | as written: right | F1 | as older markup: right | F1 |",
            "| --- | ---: | ---: | ---: | ---: |"]
    for name, extract in extractors().items():
        cells = []
        for variant in ("real", "old"):
            VARIANT["name"] = variant
            got = scores(run(extract, paths), paths)
            right = sum(s.recall >= RIGHT and s.precision >= RIGHT for s in got.values())
            cells += [f"{right} of {len(paths)}", f"{sum(s.f1 for s in got.values()) / len(paths):.3f}"]
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    VARIANT["name"] = "real"
    return "\n".join(rows)


def _main(argv: list[str]) -> None:
    from briefgen.ingest.html import ALL_STEPS, STEPS, Options

    if "--transfer" in argv:
        print(transfer_report())
        return
    paths = cases("all")
    if "--old" in argv:
        VARIANT["name"] = "old"
    elif "--brbr" in argv:
        VARIANT["name"] = "brbr"
    _memoise_trafilatura()
    columns: dict[str, dict[str, Score]] = {}
    if "--ablation" in argv:
        configs = {"default steps": Options()}
        configs |= {f"without {s}": Options(steps=STEPS - {s}) for s in sorted(STEPS)}
        configs |= {f"with {s}": Options(steps=STEPS | {s}) for s in sorted(ALL_STEPS - STEPS)}
        configs["no steps"] = Options(steps=frozenset())
        for name, opts in configs.items():
            columns[name] = scores(run(lambda p, o=opts: briefgen_text(p, o), paths), paths)
            print(f"{name}: {sum(s.f1 for s in columns[name].values()) / len(paths):.4f}", file=sys.stderr)
    elif "--variants" in argv:
        base = Options()
        configs = {"balanced": base, "precision": replace(base, focus="precision"),
                   "recall": replace(base, focus="recall"), "fast": replace(base, fast=True),
                   "no tables": replace(base, tables=False)}
        for name, opts in configs.items():
            columns[name] = scores(run(lambda p, o=opts: briefgen_text(p, o), paths), paths)
            print(f"{name}: {sum(s.f1 for s in columns[name].values()) / len(paths):.4f}", file=sys.stderr)
    elif "--switch" in argv:
        print(switch_report(paths))
        return
    elif "--titles" in argv:
        from briefgen.ingest.score import same_title
        from briefgen.model import Article

        for corpus in ("dev", "world", "all"):
            ps = cases(corpus)
            want = {p.name: json.loads((p / "meta.json").read_text(encoding="utf-8"))["title"] for p in ps}
            full = sum(isinstance(a, Article) and same_title(a.title, want[c]) for c, a in articles(corpus).items())
            bare = sum(same_title(t, want[c]) for c, t in titles_without_meta(corpus).items())
            print(f"{corpus}: {len(ps)} pages, titles exact {full}, without og:title/JSON-LD {bare}")
        return
    else:
        for name in extractors():
            columns[name] = scores(cached(name), paths)
    print(f"{len(paths)} pages: {sum(1 for p in paths if p.parent == DEV_PAGES)} dev + "
          f"{sum(1 for p in paths if p.parent != DEV_PAGES)} world")
    print(table(columns))
    if "--json" in argv:
        print(json.dumps({n: {c: round(s.f1, 4) for c, s in v.items()} for n, v in columns.items()}))


if __name__ == "__main__":
    _main(sys.argv[1:])
