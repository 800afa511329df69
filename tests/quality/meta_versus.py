"""Where briefgen and trafilatura's metadata (title, date) or htmldate (date) disagree, on every HTML page with a
reference title and day, and who is right, by kind of disagreement (issue 11: titles and dates that hold on
unseen pages).

    .venv/bin/python -m tests.quality.meta_versus          # counts per set and kind
    .venv/bin/python -m tests.quality.meta_versus -v       # and one line per page where they disagree
    .venv/bin/python -m tests.quality.meta_versus --misses # every page whose briefgen title is wrong, what it
                                                           # took and where from (og:title, <h1>, part of <title>…)

Sets: the sample corpora (`samples/pages` of the repository and `../shared/samples/pages-world`, whose
references come from the pages' publishers' metadata as fundus's parsers read it), the transfer pages per
batch (tests/data/html-transfer, references written by hand with the pages; a batch's figure on the code of its
day is its first run: tests/quality/transfer_report.py), the old-style pages (tests/data/html-oldstyle) and the
title transfer pages (tests/data/titles-transfer). Every tool reads the page as briefgen's reader decodes it.
A title is right by score.same_title; a date when its day is the reference day (briefgen's brief dated by
its file, `date_from: file`, gives none). trafilatura is run with its defaults (`extract_metadata`),
htmldate as `find_date(page, original_date=True)`.

Kinds of title disagreement: one is the other plus a part at one end ("Headline | Site": *site part*); one
is the page's og:title (or twitter:title) and the other its `<h1>` (*h1 vs og:title*); one gives none; other
wording. Of a date: a day apart (a UTC stamp beside a local day, an edition's day); day and month swapped (a
numeric date read in the other order); one gives none; other.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
TOOLS = ("trafilatura", "htmldate")
OG = re.compile(r"<meta\b[^>]*\b(?:property|name)\s*=\s*[\"'](?:og|twitter):title[\"'][^>]*>", re.IGNORECASE)
CONTENT = re.compile(r"\bcontent\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.IGNORECASE)
H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def pages(data: Path) -> list[tuple[str, str, Path, dict]]:
    """(set, case, HTML file, reference) of every page with a reference title or day."""
    from briefgen.ingest.meta_score import corpora

    from tests.quality.transfer_report import batches

    out = []
    for folder in (f for f in corpora().values() if f is not None):
        for case in sorted(p for p in folder.iterdir() if (p / "source.html").is_file() and (p / "meta.json").is_file()):
            out.append(("samples", case.name, case / "source.html",
                        json.loads((case / "meta.json").read_text(encoding="utf-8"))))
    transfer = json.loads((data / "dumps-transfer" / "pages.json").read_text(encoding="utf-8"))
    for batch, names in batches(data).items():
        out += [(f"transfer {batch}", n, data / "html-transfer" / n / "source.html", transfer[n]) for n in names]
    for folder, manifest in (("html-oldstyle", data / "dumps-oldstyle" / "pages.json"),
                             ("titles-transfer", data / "titles-transfer" / "pages.json")):
        for n, ref in json.loads(manifest.read_text(encoding="utf-8")).items():
            if (data / folder / f"{n}.html").is_file():
                out.append((folder, n, data / folder / f"{n}.html", ref))
    return out


def _day(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def page_forms(page: str) -> tuple[str | None, list[str]]:
    """The page's og:title (else twitter:title) and the texts of its `<h1>` elements."""
    import html

    og = None
    for m in OG.finditer(page):
        c = CONTENT.search(m.group(0))
        if c and (c.group(1) or c.group(2) or "").strip():
            og = " ".join(html.unescape(c.group(1) or c.group(2)).split())
            break
    h1s = [" ".join(html.unescape(TAG.sub(" ", m.group(1))).split()) for m in H1.finditer(page)]
    return og, [h for h in h1s if h]


def compare(path: Path, ref: dict) -> dict:
    """briefgen's, trafilatura's and htmldate's title and day for one page."""
    from briefgen.ingest.meta_score import _htmldate, _trafilatura_md
    from briefgen.ingest.pipeline import ingest_raw
    from briefgen.ingest.readers import read_raw

    from tests.quality.transfer_report import _article_or_none

    raw = read_raw(path)
    article, dated = _article_or_none(lambda: ingest_raw(raw))
    md = _trafilatura_md(raw.text)
    og, h1s = page_forms(raw.text)
    from tests.quality.transfer_report import title_source

    return {"want_title": ref.get("title"), "want_day": _day(ref.get("date")), "og": og, "h1": h1s,
            "source": title_source(article.title if article else None, raw.text),
            "briefgen": (article.title if article else None, _day(article.date) if article and dated else None),
            "trafilatura": (md.title if md else None, _day(md.date) if md else None),
            "htmldate": (None, _day(_htmldate(raw.text)))}


def title_kind(a: str | None, b: str | None, og: str | None, h1s: list[str]) -> str:
    from briefgen.ingest.score import same_title

    def key(t: str) -> str:
        return "".join(re.findall(r"\w", t.casefold()))
    if not a or not b:
        return "none"
    ka, kb = key(a), key(b)
    if ka and kb and (ka.startswith(kb) or ka.endswith(kb) or kb.startswith(ka) or kb.endswith(ka)):
        return "site part"
    is_og = [bool(og) and same_title(t, og) for t in (a, b)]
    is_h1 = [any(same_title(t, h) for h in h1s) for t in (a, b)]
    if (is_og[0] and is_h1[1]) or (is_og[1] and is_h1[0]):
        return "h1 vs og:title"
    return "other wording"


def day_kind(a: date | None, b: date | None) -> str:
    if a is None or b is None:
        return "none"
    if abs((a - b).days) == 1:
        return "a day apart"
    if (a.year, a.month, a.day) == (b.year, b.day, b.month):
        return "day and month swapped"
    return "other"


def disagreements(results: list[tuple[str, str, dict]]):
    """Per set: totals and Counter of (field, tool, kind, who is right); and the lines for -v."""
    from briefgen.ingest.score import same_title

    totals: dict[str, Counter] = {}
    kinds: dict[str, Counter] = {}
    lines = []
    for group, case, r in results:
        t, k = totals.setdefault(group, Counter()), kinds.setdefault(group, Counter())
        ours_title, ours_day = r["briefgen"]
        if r["want_title"]:
            t["titles"] += 1
            t["title briefgen"] += same_title(ours_title, r["want_title"])
        if r["want_day"]:
            t["days"] += 1
            t["day briefgen"] += ours_day == r["want_day"]
        for tool in TOOLS:
            title, day = r[tool]
            if r["want_title"] and tool == "trafilatura":
                ok, theirs = same_title(ours_title, r["want_title"]), same_title(title, r["want_title"])
                t[f"title {tool}"] += theirs
                if ours_title and title and same_title(ours_title, title) and not ok:
                    # the same wrong title: which form both took, against which the reference is
                    kind = "same answer, reference the <h1>" if any(same_title(r["want_title"], h) for h in r["h1"]) \
                        else "same answer"
                    k[("title", tool, kind, "neither")] += 1
                    lines.append(f"{group:24} {case:40} title {tool:11} {kind:15} right: neither     "
                                 f"both {title!r} | reference {r['want_title']!r}")
                elif not (ours_title and title and same_title(ours_title, title)):
                    kind = title_kind(ours_title, title, r["og"], r["h1"])
                    who = "both" if ok and theirs else "briefgen" if ok else tool if theirs else "neither"
                    k[("title", tool, kind, who)] += 1
                    lines.append(f"{group:24} {case:40} title {tool:11} {kind:15} right: {who:11} "
                                 f"briefgen {ours_title!r} | {tool} {title!r} | reference {r['want_title']!r}")
            if r["want_day"]:
                ok, theirs = ours_day == r["want_day"], day == r["want_day"]
                t[f"day {tool}"] += theirs
                if ours_day != day:
                    kind = day_kind(ours_day, day)
                    who = "briefgen" if ok else tool if theirs else "neither"
                    k[("day", tool, kind, who)] += 1
                    lines.append(f"{group:24} {case:40} day   {tool:11} {kind:15} right: {who:11} "
                                 f"briefgen {ours_day} | {tool} {day} | reference {r['want_day']}")
    return totals, kinds, lines


def misses(results: list[tuple[str, str, dict]]) -> list[str]:
    """One line per page whose briefgen title is wrong: the set, where briefgen's title came from, what it took,
    trafilatura's title when that one is right, and the reference."""
    from briefgen.ingest.score import same_title

    out = []
    for group, case, r in results:
        if not r["want_title"] or same_title(r["briefgen"][0], r["want_title"]):
            continue
        theirs = r["trafilatura"][0]
        out.append(f"{group:24} {case:40} {r['source']:18} briefgen {r['briefgen'][0]!r}"
                   + (" | trafilatura right" if same_title(theirs, r["want_title"]) else "")
                   + f" | reference {r['want_title']!r}")
    return out


def table(totals: dict[str, Counter], kinds: dict[str, Counter]) -> str:
    rows = ["| set | titles: briefgen / trafilatura | days: briefgen / trafilatura / htmldate | disagreements "
            "(kind: briefgen right / the other right / neither) |", "| --- | ---: | ---: | --- |"]
    for group, t in totals.items():
        k = kinds[group]
        cells = []
        for field, tool in (("title", "trafilatura"), ("day", "trafilatura"), ("day", "htmldate")):
            by = sorted({kind for f, o, kind, _ in k if f == field and o == tool})
            for kind in by:
                n = [k[(field, tool, kind, w)] for w in ("briefgen", tool, "neither")]
                if sum(n):
                    cells.append(f"{field} vs {tool}, {kind}: {n[0]} / {n[1]} / {n[2]}")
        rows.append(f"| {group} | {t['title briefgen']} / {t['title trafilatura']} of {t['titles']} | "
                    f"{t['day briefgen']} / {t['day trafilatura']} / {t['day htmldate']} of {t['days']} | "
                    + ("; ".join(cells) or "none") + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", action="store_true", help="one line per page where they disagree")
    ap.add_argument("--misses", action="store_true", help="one line per page whose briefgen title is wrong")
    ap.add_argument("--data", help="the test data folder (default: tests/data)")
    args = ap.parse_args(argv)
    data = Path(args.data) if args.data else ROOT / "tests" / "data"
    results = [(group, case, compare(path, ref)) for group, case, path, ref in pages(data)]
    totals, kinds, lines = disagreements(results)
    print(table(totals, kinds))
    if args.v:
        print("\n".join(lines))
    if args.misses:
        print("\n".join(misses(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
