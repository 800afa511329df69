#!/usr/bin/env python3
"""Where page dumps' text stops at furniture inside the article (issue 11): on the 255 samples, each run of other
lines between two of the article's lines, by kind, and how much of the article's text after it the decoding keeps,
each page cleaned by the line model of the fold that left its publisher out.

    BRIEFGEN_SHARED=../shared python scripts/dump_stops.py [--cache DIR] [--examples N]

A dump's lines are labelled as the fit script labels them (`fit_dump_model.labels`: article text when the
reference holds it); a run is the labelled-other lines between two article lines, its kind the one
`sample_proportions.run_kind` reads from its lines ("unmatched" when none). Per kind: runs, the article's tokens
after each run up to the next run, how many of them the decoding loses, and the runs below which no article line
is kept at all (the text stopped there). Fold models as scripts/dump_interruptions.py fits and caches them;
the decoding is `Model.decode` (the kept lines; the ingest's lead and title are not scored here).
"""
from __future__ import annotations

import argparse
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import dump_interruptions as D   # noqa: E402  (puts the repository and scripts/ on sys.path)
import fit_dump_model as F  # noqa: E402
from sample_proportions import run_kind, words  # noqa: E402

from briefgen.ingest import linemodel  # noqa: E402


def runs(page: F.Page, keep: set[int]) -> list[dict]:
    """The page's runs of other lines between article lines: kind, article tokens after it, lost, stop."""
    lab = [(i, int(y)) for i, y in zip(page.idx, page.y)]
    arts = [n for n, (_, y) in enumerate(lab) if y]
    out = []
    n = arts[0] if arts else 0
    while arts and n < arts[-1]:
        if lab[n][1]:
            n += 1
            continue
        m = n
        while not lab[m][1]:
            m += 1
        q = m
        while q <= arts[-1] and lab[q][1]:
            q += 1
        after = [lab[k][0] for k in range(m, q)]
        below = [lab[k][0] for k in range(m, len(lab)) if lab[k][1]]
        stop = not any(i in keep for i in below)
        out.append({"kind": run_kind([page.lines[lab[k][0]].text for k in range(n, m)]),
                    "after": sum(words(page.lines[i].text) for i in after),
                    "lost": sum(words(page.lines[i].text) for i in after if i not in keep),
                    "stop": stop, "stopped": sum(words(page.lines[i].text) for i in below) if stop else 0,
                    "case": page.name, "first": page.lines[lab[n][0]].text[:60]})
        n = m
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "briefgen-dump-interruptions")
    ap.add_argument("--examples", type=int, default=0, help="the runs that lose most, this many per kind")
    args = ap.parse_args()
    pages = [F.Page(c) for c in F.corpus()]
    where = F.folds(pages)
    models = D.fold_models(pages, args.cache)
    found: list[dict] = []
    for p in pages:
        with linemodel.use(linemodel.Model(models[where[p.publisher]])):
            keep = set(linemodel.model().decode(p.lines)[0])
        found += runs(p, keep)
    by: dict[str, Counter] = defaultdict(Counter)
    for r in found:
        c = by[r["kind"]]
        c["runs"] += 1
        c["after"] += r["after"]
        c["lost"] += r["lost"]
        c["losing"] += r["lost"] > 0
        c["stops"] += r["stop"]
        c["stopped"] += r["stopped"]
    print(f"{len(pages)} sample dumps, {len(found)} runs of other lines between article lines (words: \\w+ tokens)\n")
    print("| run's kind | runs | article words after (to the next run) | lost | runs losing any | runs with no "
          "article line kept below | words below them |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for kind, c in sorted(by.items(), key=lambda t: -t[1]["runs"]):
        print(f"| {kind} | {c['runs']} | {c['after']} | {c['lost']} | {c['losing']} | {c['stops']} | {c['stopped']} |")
    if args.examples:
        for kind in by:
            worst = sorted((r for r in found if r["kind"] == kind and r["lost"]), key=lambda r: -r["lost"])
            for r in worst[:args.examples]:
                print(f"  {kind}: {r['case']} lost {r['lost']} of {r['after']}{' (stop)' if r['stop'] else ''}: "
                      f"{r['first']!r}")


if __name__ == "__main__":
    main()
