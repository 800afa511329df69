"""Token overlap between an extracted text and a reference text (the cleaning quality gate).

Precision, recall and F1 over lowercased word tokens (characters in Chinese, Japanese and Thai) counted
as multisets: a word extracted twice but present once in the reference counts once. Used by tests/quality and by the README's quality table.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

from briefgen.ingest.patterns import TOKEN


def tokens(text: str) -> Counter[str]:
    """Lowercased word tokens; in scripts written without spaces (Chinese, Japanese, Thai) each character
    is a token, else a whole sentence would be one token that never matches (see patterns.TOKEN).
    Both sides are put in Unicode NFC first: a word written with a combining accent ("e" + U+0301) is the
    same word as with a precomposed one, and briefgen writes NFC while some pages and references are not.
    """
    return Counter(TOKEN.findall(unicodedata.normalize("NFC", text).lower()))


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


def score(extracted: str, reference: str) -> Score:
    got, want = tokens(extracted), tokens(reference)
    overlap = sum((got & want).values())
    p = overlap / sum(got.values()) if got else 0.0
    r = overlap / sum(want.values()) if want else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f)


def mean(scores: list[Score]) -> Score:
    n = len(scores) or 1
    return Score(sum(s.precision for s in scores) / n, sum(s.recall for s in scores) / n,
                 sum(s.f1 for s in scores) / n)


def article_text(article) -> str:
    """What the gate scores: lead and body (the title is not part of the reference texts)."""
    return "\n\n".join(part for part in (article.lead or "", article.body_text) if part)


def evaluate(pages_dir, kind: str = "dump") -> dict[str, Score]:
    """Score every case folder of pages_dir (dump.txt or source.html against expected.txt).
    A case that fails to ingest scores zero: the gate must see it."""
    from pathlib import Path

    from briefgen.errors import BriefgenError
    from briefgen.ingest.pipeline import ingest_file

    name = "dump.txt" if kind == "dump" else "source.html"
    out: dict[str, Score] = {}
    for case in sorted(p for p in Path(pages_dir).iterdir() if (p / name).is_file()):
        reference = (case / "expected.txt").read_text(encoding="utf-8")
        try:
            out[case.name] = score(article_text(ingest_file(case / name)), reference)
        except BriefgenError:
            out[case.name] = Score(0.0, 0.0, 0.0)
    return out


_QUOTES = str.maketrans({c: '"' for c in "«»“”„‟″"} | {c: "'" for c in "‘’‚‛′"})


def same_title(got: str | None, want: str | None) -> bool:
    """Exact match after normalising whitespace, soft hyphens and quotation marks (« », „ “ and " are
    one mark, with or without the space French puts inside)."""
    def norm(t: str) -> str:
        t = " ".join(t.replace("\u00ad", "").translate(_QUOTES).split())
        return t.replace('" ', '"').replace(' "', '"')
    return bool(got) and bool(want) and norm(got) == norm(want)


@dataclass(frozen=True)
class MetaResult:
    title: str | None
    title_ok: bool
    date_ok: bool
    lang_ok: bool


def evaluate_meta(pages_dir, kind: str = "dump") -> dict[str, MetaResult]:
    """Title (exact, see same_title), date (within a day) and language of every case against its
    meta.json. A case that fails to ingest scores wrong on all three."""
    import json
    from datetime import date as Date
    from pathlib import Path

    from briefgen.errors import BriefgenError
    from briefgen.ingest.pipeline import ingest_file

    name = "dump.txt" if kind == "dump" else "source.html"
    out: dict[str, MetaResult] = {}
    for case in sorted(p for p in Path(pages_dir).iterdir() if (p / name).is_file()):
        want = json.loads((case / "meta.json").read_text(encoding="utf-8"))
        try:
            a = ingest_file(case / name)
        except BriefgenError:
            out[case.name] = MetaResult(None, False, False, False)
            continue
        day = Date.fromisoformat(want["date"])
        out[case.name] = MetaResult(a.title, same_title(a.title, want["title"]),
                                    abs((a.date.date() - day).days) <= 1, a.lang == want["lang"])
    return out


def by_language(results: dict[str, Score]) -> dict[str, Score]:
    """Mean per language (case ids start with the language code), plus 'all'."""
    groups: dict[str, list[Score]] = {}
    for case, s in results.items():
        groups.setdefault(case.split("-", 1)[0], []).append(s)
    table = {lang: mean(v) for lang, v in sorted(groups.items())}
    table["all"] = mean(list(results.values()))
    return table


def markdown_table(pages_dir) -> str:
    """The README's per-language table: P/R/F1 from dumps and from HTML."""
    dump, html = by_language(evaluate(pages_dir, "dump")), by_language(evaluate(pages_dir, "html"))
    counts: dict[str, int] = {}
    for case in sorted(p.name for p in __import__("pathlib").Path(pages_dir).iterdir() if p.is_dir()):
        counts[case.split("-", 1)[0]] = counts.get(case.split("-", 1)[0], 0) + 1
    counts["all"] = sum(counts.values())
    rows = ["| language | cases | dump P | dump R | dump F1 | HTML P | HTML R | HTML F1 |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for lang in dump:
        d, h = dump[lang], html[lang]
        rows.append(f"| {lang} | {counts.get(lang, 0)} | {d.precision:.3f} | {d.recall:.3f} | {d.f1:.3f} | "
                    f"{h.precision:.3f} | {h.recall:.3f} | {h.f1:.3f} |")
    return "\n".join(rows)


if __name__ == "__main__":  # python -m briefgen.ingest.score tests/data/samples/pages
    import sys

    print(markdown_table(sys.argv[1] if len(sys.argv) > 1 else "tests/data/samples/pages"))
