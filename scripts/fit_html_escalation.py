"""Fit when briefgen's HTML path runs trafilatura's full (slow) mode after its fast one.

trafilatura's fast mode skips its comparison with its fallback extractors and is about twice as fast;
on most pages it gives the same text, on a few it keeps only the first paragraphs (and on a few the
full mode keeps a whole page of teasers). The rule (briefgen/ingest/html.py, _extract): run fast; when
the fast text has fewer words than THETA times the words of the page's <p> elements, run the full mode
too and keep its text when it is longer but at most KAPPA times the paragraph words.

This script measures briefgen's final F1 (lead + body against expected.txt) with each mode on every page
of tests/data/samples/pages and ../shared/samples/pages-world, grid-searches (THETA, KAPPA) for the best
mean F1 (ties: fewer full runs), reports the figure leave-publisher-out (each publisher's pages scored
with parameters fitted on the other publishers), and writes briefgen/ingest/html_escalation.json.

    .venv/bin/python scripts/fit_html_escalation.py            # fit, report, write
    .venv/bin/python scripts/fit_html_escalation.py --report   # report only
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefgen.ingest import html  # noqa: E402
from briefgen.ingest.readers import read_raw  # noqa: E402
from briefgen.ingest.score import article_text, score  # noqa: E402
from tests.quality.html_eval import cases, publisher  # noqa: E402

THETAS = [round(0.05 * i, 2) for i in range(0, 21)]
KAPPAS = [round(0.8 + 0.1 * i, 2) for i in range(0, 23)] + [1e9]


def measure() -> dict[str, dict]:
    """Per page: paragraph words, fast and full trafilatura words, briefgen F1 with each mode."""
    texts: dict = {}
    original = html._trafilatura

    def recorded(source, options, fast):
        text = original(source, options, fast)
        texts[fast] = text
        return text

    html._trafilatura = recorded
    rows = {}
    try:
        for path in cases("all"):
            raw = read_raw(path / "source.html")
            reference = (path / "expected.txt").read_text(encoding="utf-8")
            row = {"para": html.paragraph_words(html._parse(raw.text))}
            for fast in (True, False):
                texts.clear()
                try:
                    article = html.article_from_html(raw, html.Options(fast=fast))
                    f1 = score(article_text(article), reference).f1
                except Exception:  # noqa: BLE001 - a refused page scores zero
                    f1 = 0.0
                row["fast" if fast else "full"] = {"f1": f1, "words": html.word_count(texts.get(fast, ""))}
            rows[path.name] = row
    finally:
        html._trafilatura = original
    return rows


def choose(row: dict, theta: float, kappa: float) -> tuple[float, bool]:
    """(F1 of the text the rule keeps, whether the full mode ran)."""
    fast, full, para = row["fast"], row["full"], row["para"]
    if fast["words"] < theta * para:
        keep_full = fast["words"] < full["words"] <= kappa * para
        return (full["f1"] if keep_full else fast["f1"]), True
    return fast["f1"], False


def fit(rows: dict[str, dict]) -> tuple[float, float]:
    best = None
    for theta in THETAS:
        for kappa in KAPPAS:
            picks = [choose(r, theta, kappa) for r in rows.values()]
            key = (round(sum(f for f, _ in picks), 6), -sum(ran for _, ran in picks), -theta)
            if best is None or key > best[0]:
                best = (key, theta, kappa)
    return best[1], best[2]


def report(rows: dict[str, dict], theta: float, kappa: float) -> dict:
    n = len(rows)
    groups: dict[str, list[str]] = {}
    for case in rows:
        groups.setdefault(publisher(case), []).append(case)
    lopo = []
    for pub, members in groups.items():
        t, k = fit({c: r for c, r in rows.items() if publisher(c) != pub})
        lopo += [choose(rows[c], t, k)[0] for c in members]
    picks = [choose(r, theta, kappa) for r in rows.values()]
    return {
        "pages": n, "publishers": len(groups),
        "fast only": sum(r["fast"]["f1"] for r in rows.values()) / n,
        "full only": sum(r["full"]["f1"] for r in rows.values()) / n,
        "rule, fitted on all": sum(f for f, _ in picks) / n,
        "rule, leave-publisher-out": sum(lopo) / n,
        "full runs": sum(ran for _, ran in picks),
    }


def main() -> None:
    rows = measure()
    theta, kappa = fit(rows)
    figures = report(rows, theta, kappa)
    print(json.dumps({"theta": theta, "kappa": kappa} | figures, indent=1))
    if "--report" not in sys.argv:
        html.ESCALATION_FILE.write_text(json.dumps(
            {"theta": theta, "kappa": kappa, "fitted_by": "scripts/fit_html_escalation.py",
             "figures": {k: round(v, 4) if isinstance(v, float) else v for k, v in figures.items()}},
            indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
