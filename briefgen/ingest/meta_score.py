"""Publication date and language of every sample page against its meta.json, per language.

    python -m briefgen.ingest.meta_score            # the README table (both corpora, dumps and HTML)

`date` is within a day of meta.json's date (a UTC reference date can be one day off the local day the
page prints), `same day` is exact; `lang` is the brief's language code equal to meta.json's. A page
that gives no brief counts as wrong on all. The reference columns: trafilatura's metadata date (its
defaults) and the language the page declares in `<html lang>`; `detector` is briefgen's language
detector run on the reference text itself (title + expected.txt), i.e. with perfect cleaning.
Used by tests/quality/test_meta_quality.py.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from briefgen.classify.labelled import ROOT, shared_dir

HTML_LANG = re.compile(r'<html[^>]*\blang=["\']?([A-Za-z]{2,3})', re.IGNORECASE)


@dataclass(frozen=True)
class MetaCase:
    case: str
    lang: str             # meta.json's language (the group)
    brief: bool           # the page gave a brief
    date_ok: bool         # within a day
    same_day: bool
    lang_ok: bool


def corpora() -> dict[str, Path | None]:
    """'pages' (in the repository) and 'pages-world' (in shared/, None when absent)."""
    shared = shared_dir()
    world = shared / "samples" / "pages-world" if shared else None
    return {"pages": ROOT / "tests" / "data" / "samples" / "pages",
            "pages-world": world if world and world.is_dir() else None}


def _cases(folder: Path, name: str) -> list[Path]:
    return sorted(p for p in folder.iterdir() if (p / name).is_file() and (p / "meta.json").is_file())


@cache
def evaluate(folder: Path, kind: str) -> tuple[MetaCase, ...]:
    """Every case of one corpus folder, from its dump ('dump') or its HTML page ('html')."""
    from briefgen.errors import BriefgenError
    from briefgen.ingest.pipeline import ingest_file

    name = "dump.txt" if kind == "dump" else "source.html"
    out = []
    for case in _cases(folder, name):
        want = json.loads((case / "meta.json").read_text(encoding="utf-8"))
        day = date.fromisoformat(want["date"])
        try:
            a = ingest_file(case / name)
        except BriefgenError:
            out.append(MetaCase(case.name, want["lang"], False, False, False, False))
            continue
        got = a.date.date()
        out.append(MetaCase(case.name, want["lang"], True, abs((got - day).days) <= 1, got == day,
                            a.lang == want["lang"]))
    return tuple(out)


@cache
def baselines(folder: Path) -> tuple[tuple[str, str, bool, bool, bool, bool], ...]:
    """(case, lang, trafilatura date within a day, same day, <html lang> right, detector right)."""
    import trafilatura

    from briefgen.ingest.meta import detect_lang

    out = []
    for case in _cases(folder, "source.html"):
        want = json.loads((case / "meta.json").read_text(encoding="utf-8"))
        day = date.fromisoformat(want["date"])
        page = (case / "source.html").read_text(encoding="utf-8")
        md = trafilatura.extract_metadata(page)
        try:
            got = date.fromisoformat(md.date[:10]) if md and md.date else None
        except ValueError:
            got = None
        declared = HTML_LANG.search(page)
        text = want["title"] + "\n" + (case / "expected.txt").read_text(encoding="utf-8")
        out.append((case.name, want["lang"], got is not None and abs((got - day).days) <= 1, got == day,
                    bool(declared) and declared.group(1).lower() == want["lang"], detect_lang(text) == want["lang"]))
    return tuple(out)


def by_language(cases) -> dict[str, list]:
    groups: dict[str, list] = {}
    for c in cases:
        groups.setdefault(c.lang if isinstance(c, MetaCase) else c[1], []).append(c)
    return dict(sorted(groups.items())) | {"all": list(cases)}


def markdown_table(with_baselines: bool = True) -> str:
    folders = [f for f in corpora().values() if f is not None]
    dump = [c for f in folders for c in evaluate(f, "dump")]
    html = [c for f in folders for c in evaluate(f, "html")]
    base = [b for f in folders for b in baselines(f)] if with_baselines else []
    d, h = by_language(dump), by_language(html)
    b = by_language(base) if base else {}
    head = ("| language | cases | dump briefs | dump date | dump same day | dump lang | HTML briefs | HTML date "
            "| HTML same day | HTML lang |")
    rule = "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    if b:
        head += " trafilatura date | trafilatura same day | `<html lang>` | detector on reference |"
        rule += " --- | --- | --- | --- |"
    rows = [head, rule]
    for lang in d:
        dd, hh = d[lang], h.get(lang, [])
        row = (f"| {lang} | {len(dd)} | {sum(c.brief for c in dd)} | {sum(c.date_ok for c in dd)} | "
               f"{sum(c.same_day for c in dd)} | {sum(c.lang_ok for c in dd)} | {sum(c.brief for c in hh)} | "
               f"{sum(c.date_ok for c in hh)} | {sum(c.same_day for c in hh)} | {sum(c.lang_ok for c in hh)} |")
        if b:
            bb = b.get(lang, [])
            row += " " + " | ".join(str(sum(x[i] for x in bb)) for i in (2, 3, 4, 5)) + " |"
        rows.append(row)
    return "\n".join(rows)


if __name__ == "__main__":
    print(markdown_table())
