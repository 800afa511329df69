#!/usr/bin/env python3
"""Per-page figures of the HTML path, for measuring one change at a time (session 9; session 8's equivalents
stayed outside the repository).

For a set of pages (`samples`: the 255 pages of tests/quality/html_eval; `transfer`: tests/data/html-transfer),
as they are or as older markup (`--old`, html_eval.old_markup), it scores each page's text from briefgen (as
html_eval does: article_from_html, then the furniture filter), plain trafilatura or readability-lxml by the
quality gate's `score`, prints the mean F1 and the cases right (recall and precision >= 0.97, the transfer
test's measure), and can write the per-page figures to JSON and compare two such files:

    BRIEFGEN_SHARED=../shared python scripts/html_per_page.py samples --json /tmp/a.json
    BRIEFGEN_SHARED=../shared python scripts/html_per_page.py samples --old --json /tmp/a-old.json
    python scripts/html_per_page.py transfer --extractor readability-lxml
    python scripts/html_per_page.py transfer --cases wordpress-threaded-comments-2011,amp-news-2017 -v
    python scripts/html_per_page.py --compare /tmp/a.json /tmp/b.json          # pages that moved
    python scripts/html_per_page.py samples --ablation gaps,deck,teasers       # each step left out in turn
    python scripts/html_per_page.py samples --old --agreement                  # step agreed_end's shares, LOPO

`--ablation` memoises trafilatura's text per page (html_eval._memoise_trafilatura): one trafilatura run a page.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RIGHT = 0.97


def case_paths(which: str, only: list[str] | None) -> list[Path]:
    from tests.quality import html_eval

    if which == "samples":
        paths = html_eval.cases("all")
    elif which == "transfer":
        paths = [c for c in sorted(html_eval.TRANSFER_PAGES.iterdir()) if (c / "source.html").is_file()]
    else:
        raise SystemExit(f"unknown set {which!r} (samples, transfer)")
    if only:
        paths = [p for p in paths if p.name in only]
    return paths


def briefgen_text(path: Path, options=None) -> str:
    """html_eval.briefgen_text, with a page that gives no date scored by its text (the pipeline dates it by
    its file) rather than as nothing."""
    from briefgen.errors import UndatedError
    from briefgen.ingest import furniture
    from briefgen.ingest.html import article_from_html
    from briefgen.ingest.score import article_text
    from tests.quality import html_eval

    raw = html_eval._raw(path)
    try:
        article = article_from_html(raw, options)
    except UndatedError as exc:
        article = exc.article
    return article_text(furniture.clean(article))


def figures(paths: list[Path], extract) -> dict[str, list[float]]:
    from briefgen.ingest.score import score

    out = {}
    for p in paths:
        try:
            text = extract(p / "source.html") or ""
        except Exception:  # noqa: BLE001 - a page an extractor fails on scores zero, as in html_eval
            text = ""
        s = score(text, (p / "expected.txt").read_text(encoding="utf-8"))
        out[p.name] = [round(s.recall, 4), round(s.precision, 4), round(s.f1, 4)]
    return out


def summary(per: dict[str, list[float]]) -> str:
    n = len(per) or 1
    right = sum(r >= RIGHT and p >= RIGHT for r, p, _ in per.values())
    return f"{len(per)} pages: mean F1 {sum(f for *_, f in per.values()) / n:.4f}, right {right}, " \
           f"under 0.5: {sum(f < 0.5 for *_, f in per.values())}"


def compare(a: dict, b: dict, least: float = 0.003) -> str:
    common = sorted(set(a) & set(b))
    lines = [f"A {summary({c: a[c] for c in common})}", f"B {summary({c: b[c] for c in common})}"]
    moved = [(b[c][2] - a[c][2], c) for c in common if abs(b[c][2] - a[c][2]) > least]
    lines.append(f"{sum(d > 0 for d, _ in moved)} up, {sum(d < 0 for d, _ in moved)} down by more than {least}")
    lines += [f"  {d:+.4f} {c}: {a[c]} -> {b[c]}" for d, c in sorted(moved)]
    return "\n".join(lines)


AGREE_GRID = (0.6, 0.7, 0.8, 0.9)   # share of briefgen's words that readability-lxml's block holds
HELD_GRID = (0.5, 0.6, 0.7, 0.8)    # share of a last paragraph's words it must hold to end the text


def _agreed_end_text(text: str, held, agree: float, keep: float) -> str:
    """Step agreed_end simulated on a text (its paragraphs as blocks, the lead the first one)."""
    from briefgen.ingest.score import tokens

    paras = [p for p in text.split("\n") if p.strip()]
    bags = [tokens(p) for p in paras]
    total = sum(sum(b.values()) for b in bags)
    if len(paras) < 2 or not held or not total or sum(sum((b & held).values()) for b in bags) < agree * total:
        return text
    end = len(paras)
    while end > 1 and (n := sum(bags[end - 1].values())) and sum((bags[end - 1] & held).values()) < keep * n:
        end -= 1
    return "\n\n".join(paras[:end])


def agreement_report(paths: list[Path], which: str) -> str:
    """Step agreed_end's shares (html.AGREE_SHARE, html.HELD_SHARE) on a grid: briefgen's text without the
    step, cut as the step would cut it, mean F1 and cases right for each pair; then each publisher's pages
    (each transfer page its own publisher) scored with the pair that does best on the other publishers."""
    from briefgen.ingest.html import STEPS, Options, readability_text
    from briefgen.ingest.score import score, tokens
    from tests.quality import html_eval

    rows = {}
    for p in paths:
        try:
            text = briefgen_text(p / "source.html", Options(steps=STEPS - {"agreed_end"}))
        except Exception:  # noqa: BLE001 - a page briefgen refuses scores zero, as in figures()
            text = ""
        held = tokens(readability_text(html_eval._raw(p / "source.html").text))
        rows[p.name] = (text, held, (p / "expected.txt").read_text(encoding="utf-8"))
    grid = [(a, h) for a in AGREE_GRID for h in HELD_GRID]
    per = {g: {c: score(_agreed_end_text(t, held, *g), want) for c, (t, held, want) in rows.items()}
           for g in grid}
    base = {c: score(t, want) for c, (t, _, want) in rows.items()}

    def mean(scores) -> float:
        return sum(s.f1 for s in scores) / len(scores)

    def right(scores) -> int:
        return sum(s.recall >= RIGHT and s.precision >= RIGHT for s in scores)

    lines = [f"without the step: F1 {mean(base.values()):.4f}, right {right(base.values())}"]
    lines += [f"agree {a} held {h}: F1 {mean(per[(a, h)].values()):.4f}, right {right(per[(a, h)].values())}"
              for a, h in grid]
    pub = (lambda c: html_eval.publisher(c)) if which == "samples" else (lambda c: c)
    lopo = {}
    for name in sorted({pub(c) for c in rows}):
        others = [c for c in rows if pub(c) != name]
        best = max(grid, key=lambda g: (round(sum(per[g][c].f1 for c in others), 6), g == (0.8, 0.7)))
        lopo |= {c: per[best][c] for c in rows if pub(c) == name}
    lines.append(f"leave-publisher-out: F1 {mean(lopo.values()):.4f}, right {right(lopo.values())}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("set", nargs="?", default="samples", help="samples or transfer")
    parser.add_argument("--old", action="store_true", help="the pages as older markup")
    parser.add_argument("--brbr", action="store_true", help="as older markup with <p>s as text and <br><br>")
    parser.add_argument("--extractor", default="briefgen", help="briefgen, trafilatura or readability-lxml")
    parser.add_argument("--cases", help="comma-separated case names")
    parser.add_argument("--json", type=Path, help="write the per-page [recall, precision, F1] here")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"))
    parser.add_argument("--ablation", help="comma-separated steps to leave out in turn ('all': every step)")
    parser.add_argument("--agreement", action="store_true",
                        help="step agreed_end's two shares: a grid, in-sample and leave-publisher-out")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every page's figures")
    args = parser.parse_args(argv)
    if args.compare:
        a, b = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        print(compare(a, b))
        return 0
    from tests.quality import html_eval

    html_eval.VARIANT["name"] = "old" if args.old else "brbr" if args.brbr else "real"
    paths = case_paths(args.set, args.cases.split(",") if args.cases else None)
    if args.ablation:
        from briefgen.ingest.html import STEPS, Options

        html_eval._memoise_trafilatura()
        steps = sorted(STEPS) if args.ablation == "all" else args.ablation.split(",")
        base = figures(paths, briefgen_text)
        print(f"all steps: {summary(base)}")
        for step in steps:
            per = figures(paths, lambda p, s=step: briefgen_text(p, Options(steps=STEPS - {s})))
            moved = [c for c in per if abs(per[c][2] - base[c][2]) > 0.003]
            print(f"without {step}: {summary(per)}; pages moved > 0.003: "
                  + ", ".join(f"{c} {per[c][2] - base[c][2]:+.3f}" for c in moved))
        return 0
    if args.agreement:
        print(agreement_report(paths, args.set))
        return 0
    extract = {"briefgen": briefgen_text, "trafilatura": html_eval.trafilatura_text,
               "readability-lxml": html_eval.readability_text}[args.extractor]
    per = figures(paths, extract)
    if args.verbose:
        for case, (r, p, f) in per.items():
            mark = "ok " if r >= RIGHT and p >= RIGHT else "BAD"
            print(f"{mark} R {r:.3f} P {p:.3f} F1 {f:.3f} {case}")
    print(summary(per))
    if args.json:
        args.json.write_text(json.dumps(per, indent=0, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
